package openclaw.chat;

import java.util.Objects;
import java.util.Optional;
import openclaw.sdk.provider.ThinkingLevel;

/**
 * One message to run through an agent.
 *
 * @param runId the run's id; the caller's idempotency key, so a retried start finds the first run
 * @param agentId the agent that answers
 * @param sessionKey the session the turn belongs to
 * @param message the user's text ({@code /session ...} commands are answered without a model)
 * @param thinking a reasoning level for this turn only, else the agent's own
 */
public record RunRequest(
        String runId, String agentId, String sessionKey, String message, Optional<ThinkingLevel> thinking) {

    public RunRequest {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(sessionKey, "sessionKey");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(thinking, "thinking");
    }
}
