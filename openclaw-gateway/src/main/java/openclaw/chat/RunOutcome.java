package openclaw.chat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import openclaw.sdk.provider.StreamEvent;

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
 * @param toolCalls for {@link Status#TOOL_CALLS}: the client tool calls waiting for results, else empty
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
        long endedAtMs,
        List<StreamEvent.ToolCall> toolCalls) {

    /** The end state of a run. */
    public enum Status {
        /** Answered. */
        OK,
        /** Failed (every model failed, step limit, unknown agent). */
        ERROR,
        /** Stopped by {@code chat.abort} or shutdown. */
        ABORTED,
        /** Waiting for the client to run the tools in {@link #toolCalls()}. */
        TOOL_CALLS,
        /** The input did not fit the session (see {@link #error()}); nothing was stored or run. */
        REJECTED
    }

    public RunOutcome {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(sessionKey, "sessionKey");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(errorKind, "errorKind");
        Objects.requireNonNull(stopReason, "stopReason");
        toolCalls = List.copyOf(toolCalls);
    }

    /** An outcome without pending tool calls. */
    @SuppressWarnings("checkstyle:ParameterNumber") // mirrors the record's components
    public RunOutcome(
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
        this(
                runId,
                sessionKey,
                status,
                text,
                error,
                errorKind,
                inputTokens,
                outputTokens,
                stopReason,
                command,
                endedAtMs,
                List.of());
    }
}
