package openclaw.chat;

import java.util.Objects;
import java.util.Optional;

/**
 * How a run ended.
 *
 * @param runId the run
 * @param sessionKey its session
 * @param status ok, error or aborted
 * @param text the final answer (what was streamed before an abort or error)
 * @param error a message for the user when the run did not complete
 * @param errorKind OpenClaw's {@code errorKind}: {@code timeout}, {@code rate_limit}, {@code context_length},
 *     {@code refusal} or {@code unknown}
 * @param inputTokens prompt tokens used
 * @param outputTokens output tokens used
 * @param stopReason the model's last stop reason, lower case
 * @param command true when a session command answered instead of a model
 * @param endedAtMs when the run ended
 */
public record RunOutcome(
        String runId,
        String sessionKey,
        Status status,
        String text,
        Optional<String> error,
        Optional<String> errorKind,
        long inputTokens,
        long outputTokens,
        String stopReason,
        boolean command,
        long endedAtMs) {

    /** The end state of a run. */
    public enum Status {
        /** Answered. */
        OK,
        /** Failed (every model failed, step limit, unknown agent). */
        ERROR,
        /** Stopped by {@code chat.abort} or shutdown. */
        ABORTED
    }

    public RunOutcome {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(sessionKey, "sessionKey");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(errorKind, "errorKind");
        Objects.requireNonNull(stopReason, "stopReason");
    }
}
