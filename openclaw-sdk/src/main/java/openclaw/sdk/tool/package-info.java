/**
 * The tool SPI: {@link openclaw.sdk.tool.Tool}s an agent offers to its model, invoked with JSON arguments on the
 * agent's thread. JDK only.
 */
package openclaw.sdk.tool;
