package openclaw.sdk.tool;

import java.util.Objects;

/**
 * What a tool returns to the model.
 *
 * @param content the result text, usually JSON
 * @param isError true when the tool failed; the model sees the content as an error and may recover
 */
public record ToolOutcome(String content, boolean isError) {

    /** Requires content. */
    public ToolOutcome {
        Objects.requireNonNull(content, "content");
    }

    /**
     * A successful result.
     *
     * @param content the result
     * @return the outcome
     */
    public static ToolOutcome ok(String content) {
        return new ToolOutcome(content, false);
    }

    /**
     * A failure the model should see.
     *
     * @param message what went wrong
     * @return the outcome
     */
    public static ToolOutcome error(String message) {
        return new ToolOutcome(message, true);
    }
}
