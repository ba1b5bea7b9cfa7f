package openclaw.agent;

import java.util.Objects;
import openclaw.sdk.provider.ThinkingLevel;

/**
 * One user message for one agent in one session.
 *
 * @param agent the agent that answers
 * @param sessionKey the session (history is read from and appended to its transcript)
 * @param message the user's text
 * @param thinking the reasoning level for this turn (the agent's own unless overridden, e.g. by {@code --thinking})
 */
public record TurnRequest(AgentSpec agent, String sessionKey, String message, ThinkingLevel thinking) {

    public TurnRequest {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(sessionKey, "sessionKey");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(thinking, "thinking");
    }

    /** A turn at the agent's configured thinking level. */
    public static TurnRequest of(AgentSpec agent, String sessionKey, String message) {
        return new TurnRequest(agent, sessionKey, message, agent.thinking());
    }
}
