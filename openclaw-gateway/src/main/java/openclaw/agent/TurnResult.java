package openclaw.agent;

import java.util.List;
import openclaw.sdk.provider.StopReason;
import openclaw.sdk.provider.StreamEvent;

/**
 * How a turn ended.
 *
 * @param text the final answer text (empty on failure; for {@code TOOL_CALLS} the text said before the calls)
 * @param outcome completed, waiting for client tools, failed or cancelled
 * @param stopReason the last model's stop reason ({@code OTHER} when it never finished)
 * @param model the model that produced the answer (or was last tried)
 * @param steps model calls made
 * @param inputTokens prompt tokens over all calls
 * @param outputTokens output tokens over all calls
 * @param error a message for the user when the turn did not complete, else empty
 * @param toolCalls for {@code TOOL_CALLS}: the client tool calls waiting for results, in order; else empty
 */
public record TurnResult(
        String text,
        Outcome outcome,
        StopReason stopReason,
        ModelRef model,
        int steps,
        long inputTokens,
        long outputTokens,
        String error,
        List<StreamEvent.ToolCall> toolCalls) {

    /** How a turn ended. */
    public enum Outcome {
        /** The model gave its final answer. */
        COMPLETED,
        /** The model called tools the client executes; continue with {@link TurnInput.ToolResults}. */
        TOOL_CALLS,
        /** Every model failed, or the step limit was hit. */
        FAILED,
        /** The caller cancelled. */
        CANCELLED,
        /** The input did not fit the session (e.g. tool results nobody asked for); nothing was stored or run. */
        REJECTED
    }

    public TurnResult {
        toolCalls = List.copyOf(toolCalls);
    }

    /** A result without pending tool calls. */
    public TurnResult(
            String text,
            Outcome outcome,
            StopReason stopReason,
            ModelRef model,
            int steps,
            long inputTokens,
            long outputTokens,
            String error) {
        this(text, outcome, stopReason, model, steps, inputTokens, outputTokens, error, List.of());
    }
}
