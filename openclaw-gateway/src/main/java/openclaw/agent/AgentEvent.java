package openclaw.agent;

/** What a running turn reports to its caller as it happens, for streaming to a CLI, socket or HTTP client. */
public sealed interface AgentEvent {

    /** New answer text (a delta). */
    record Text(String delta) implements AgentEvent {}

    /** New reasoning text (a delta). */
    record Thinking(String delta) implements AgentEvent {}

    /** A tool is about to run. */
    record ToolStarted(String callId, String tool, String argumentsJson) implements AgentEvent {}

    /** A tool finished. */
    record ToolFinished(String callId, String tool, String result, boolean isError) implements AgentEvent {}

    /** The model called a tool the client executes; the turn ends waiting for its result. */
    record ClientToolCall(String callId, String tool, String argumentsJson) implements AgentEvent {}

    /** A model call failed and will be retried after {@code delayMillis}; partial text of the attempt is void. */
    record Retrying(ModelRef model, int attempt, long delayMillis, String reason) implements AgentEvent {}

    /** The turn moved to a fallback model. */
    record Failover(ModelRef from, ModelRef to, String reason) implements AgentEvent {}
}
