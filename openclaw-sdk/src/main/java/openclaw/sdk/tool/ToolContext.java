package openclaw.sdk.tool;

import java.time.Clock;
import java.util.Objects;

/**
 * The turn a tool runs in.
 *
 * @param agentId the agent running the tool
 * @param sessionKey the session of the turn
 * @param clock the gateway's clock
 */
public record ToolContext(String agentId, String sessionKey, Clock clock) {

    /** Requires every part. */
    public ToolContext {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(sessionKey, "sessionKey");
        Objects.requireNonNull(clock, "clock");
    }
}
