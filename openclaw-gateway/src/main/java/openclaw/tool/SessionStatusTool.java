package openclaw.tool;

import openclaw.sdk.provider.ToolSpec;
import openclaw.sdk.tool.Tool;
import openclaw.sdk.tool.ToolContext;
import openclaw.sdk.tool.ToolOutcome;
import openclaw.store.SessionStore;

/** {@code session_status}: facts about the current session (key, agent, message count, age) from the store. */
public final class SessionStatusTool implements Tool {

    private static final ToolSpec SPEC = new ToolSpec(
            "session_status",
            "Returns the current conversation session: its key, agent, number of messages in the current"
                    + " conversation, and when the conversation started, the session was created and last active.",
            "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}");

    private final SessionStore sessions;

    public SessionStatusTool(SessionStore sessions) {
        this.sessions = sessions;
    }

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public ToolOutcome invoke(String argumentsJson, ToolContext context) {
        return sessions.find(context.sessionKey())
                .map(s -> ToolOutcome.ok("{\"sessionKey\":\"" + s.key() + "\",\"agentId\":\"" + s.agentId()
                        + "\",\"messages\":" + s.conversationEntries() + ",\"conversationStartedAt\":\""
                        + s.segmentStartedAt() + "\",\"createdAt\":\"" + s.createdAt() + "\",\"updatedAt\":\""
                        + s.updatedAt() + "\"}"))
                .orElseGet(() -> ToolOutcome.error("no session " + context.sessionKey()));
    }
}
