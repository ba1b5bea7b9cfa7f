package openclaw.store;

import java.time.Instant;
import java.util.Objects;

/** This installation: a random id fixed at first start, when that was, and the latest start and version. */
public record InstanceInfo(String instanceId, Instant createdAt, Instant lastStartedAt, String version) {

    /** Validates that every part is present. */
    public InstanceInfo {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastStartedAt, "lastStartedAt");
        Objects.requireNonNull(version, "version");
    }
}
