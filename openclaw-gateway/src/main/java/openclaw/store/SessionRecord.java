package openclaw.store;

import java.time.Instant;
import java.util.Objects;

/** A session's index row: key (e.g. {@code agent:main:main}), owning agent, times and transcript length. */
public record SessionRecord(String key, String agentId, Instant createdAt, Instant updatedAt, long entryCount) {

    /** Validates that every part is present. */
    public SessionRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
