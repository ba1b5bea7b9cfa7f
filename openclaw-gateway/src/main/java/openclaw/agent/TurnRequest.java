package openclaw.agent;

import java.util.Objects;
import openclaw.sdk.provider.ThinkingLevel;

/**
 * One turn of one agent in one session.
 *
 * @param agent the agent that answers
 * @param sessionKey the session (history is read from and appended to its transcript)
 * @param input a user message, tool results continuing a stopped turn, or nothing new
 * @param thinking the reasoning level for this turn (the agent's own unless overridden, e.g. by {@code --thinking})
 * @param options per-turn instructions, client tools and seeded history
 */
public record TurnRequest(
        AgentSpec agent, String sessionKey, TurnInput input, ThinkingLevel thinking, TurnOptions options) {

    public TurnRequest {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(sessionKey, "sessionKey");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(thinking, "thinking");
        Objects.requireNonNull(options, "options");
    }

    /** A user message without per-turn options. */
    public TurnRequest(AgentSpec agent, String sessionKey, String message, ThinkingLevel thinking) {
        this(agent, sessionKey, new TurnInput.Message(message), thinking, TurnOptions.NONE);
    }

    /** A turn at the agent's configured thinking level. */
    public static TurnRequest of(AgentSpec agent, String sessionKey, String message) {
        return new TurnRequest(agent, sessionKey, message, agent.thinking());
    }
}
