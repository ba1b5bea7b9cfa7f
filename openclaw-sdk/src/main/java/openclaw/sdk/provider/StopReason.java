package openclaw.sdk.provider;

/** Why a model turn ended. */
public enum StopReason {
    /** The model finished its answer. */
    END_TURN,
    /** The model wants tool results before it continues. */
    TOOL_USE,
    /** The output token limit was reached. */
    MAX_TOKENS,
    /** A stop sequence matched. */
    STOP_SEQUENCE,
    /** The model refused (content policy). */
    REFUSAL,
    /** Anything else the provider reported. */
    OTHER
}
