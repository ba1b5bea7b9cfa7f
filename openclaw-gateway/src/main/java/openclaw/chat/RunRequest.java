package openclaw.chat;

import java.util.Objects;
import java.util.Optional;
import openclaw.agent.TurnInput;
import openclaw.agent.TurnOptions;
import openclaw.sdk.provider.ThinkingLevel;

/**
 * One turn to run through an agent.
 *
 * @param runId the run's id; the caller's idempotency key, so a retried start finds the first run
 * @param agentId the agent that answers
 * @param sessionKey the session the turn belongs to
 * @param input a user message ({@code /session ...} commands are answered without a model), tool results, or nothing
 *     new
 * @param thinking a reasoning level for this turn only, else the agent's own
 * @param options per-turn instructions, client tools and seeded history
 */
public record RunRequest(
        String runId,
        String agentId,
        String sessionKey,
        TurnInput input,
        Optional<ThinkingLevel> thinking,
        TurnOptions options) {

    public RunRequest {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(sessionKey, "sessionKey");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(thinking, "thinking");
        Objects.requireNonNull(options, "options");
    }

    /** A user message without per-turn options. */
    public RunRequest(
            String runId, String agentId, String sessionKey, String message, Optional<ThinkingLevel> thinking) {
        this(runId, agentId, sessionKey, new TurnInput.Message(message), thinking, TurnOptions.NONE);
    }

    /** The user's message text, empty when the input is not a message. */
    public String message() {
        return input instanceof TurnInput.Message m ? m.text() : "";
    }
}
