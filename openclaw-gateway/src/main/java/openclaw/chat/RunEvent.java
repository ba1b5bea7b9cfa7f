package openclaw.chat;

/** What a run reports while it runs, in order, ending with exactly one {@link Finished}. */
public sealed interface RunEvent {

    /** The run left the session queue and started. */
    record Started(String runId, String sessionKey, long startedAtMs) implements RunEvent {}

    /** New answer text; {@code text} is everything answered so far in this run. */
    record Text(String delta, String text) implements RunEvent {}

    /** A tool call began. */
    record ToolStarted(String callId, String tool, String argumentsJson) implements RunEvent {}

    /** A tool call ended. */
    record ToolFinished(String callId, String tool, String result, boolean isError) implements RunEvent {}

    /** The model called a tool the client executes (the run ends with {@link RunOutcome.Status#TOOL_CALLS}). */
    record ToolRequested(String callId, String tool, String argumentsJson) implements RunEvent {}

    /** The run ended. */
    record Finished(RunOutcome outcome) implements RunEvent {}
}
