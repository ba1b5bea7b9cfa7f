package openclaw.sdk.provider;

/**
 * How much the model should reason (OpenClaw semantics, protocols.md section 7). Providers map it onto their wire
 * format; {@link #DEFAULT} lets the provider choose (adaptive for Claude 4.6, low for other reasoning models).
 */
public enum ThinkingLevel {
    /** The provider's default for the model. */
    DEFAULT,
    /** No reasoning requested. */
    OFF,
    /** Minimal reasoning. */
    LOW,
    /** Maximum reasoning. */
    HIGH,
    /** The model decides per request (Anthropic adaptive thinking). */
    ADAPTIVE
}
