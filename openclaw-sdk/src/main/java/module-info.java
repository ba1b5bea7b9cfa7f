/** The public SPI of OpenClaw for the JVM: the only module plugins, providers and channels compile against. */
module openclaw.sdk {
    exports openclaw.sdk;
    exports openclaw.sdk.provider;
    exports openclaw.sdk.tool;
}
