package openclaw.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Routes a channel account to an agent. {@code channel} is e.g. {@code "telegram"}; an empty {@code accountId} means
 * the whole channel. The agent id need not have an {@link AgentRecord}.
 */
public record Binding(String agentId, String channel, String accountId, Instant createdAt) {

    /** Validates that every part is present. */
    public Binding {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
