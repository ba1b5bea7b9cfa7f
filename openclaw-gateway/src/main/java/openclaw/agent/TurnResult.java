package openclaw.agent;

import openclaw.sdk.provider.StopReason;

/**
 * How a turn ended.
 *
 * @param text the final answer text (empty on failure)
 * @param outcome completed, failed or cancelled
 * @param stopReason the last model's stop reason ({@code OTHER} when it never finished)
 * @param model the model that produced the answer (or was last tried)
 * @param steps model calls made
 * @param inputTokens prompt tokens over all calls
 * @param outputTokens output tokens over all calls
 * @param error a message for the user when the turn did not complete, else empty
 */
public record TurnResult(
        String text,
        Outcome outcome,
        StopReason stopReason,
        ModelRef model,
        int steps,
        long inputTokens,
        long outputTokens,
        String error) {

    /** How a turn ended. */
    public enum Outcome {
        /** The model gave its final answer. */
        COMPLETED,
        /** Every model failed, or the step limit was hit. */
        FAILED,
        /** The caller cancelled. */
        CANCELLED
    }
}
