package openclaw.config;

/** Reasoning depth as config writes it; the agent runtime maps it onto the SDK's thinking level. */
public enum ThinkingMode {
    /** Provider default (adaptive for Claude 4.6, low for other reasoning models). */
    DEFAULT,
    /** The model decides. */
    ADAPTIVE,
    /** Minimal reasoning. */
    LOW,
    /** Maximum reasoning. */
    HIGH,
    /** No reasoning. */
    OFF
}
