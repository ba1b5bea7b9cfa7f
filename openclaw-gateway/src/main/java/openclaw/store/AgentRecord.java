package openclaw.store;

import java.time.Instant;
import java.util.Objects;

/** A stored agent. Agents normally come from config; a row exists only for agents created at run time. */
public record AgentRecord(String id, String displayName, Instant createdAt, Instant updatedAt) {

    /** Validates that every part is present. */
    public AgentRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
