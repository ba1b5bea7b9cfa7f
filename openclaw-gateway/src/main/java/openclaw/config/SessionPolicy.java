package openclaw.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Overrides of {@link SessionConfig} for a channel or its threads; an absent key keeps the inherited value. */
public record SessionPolicy(Optional<Integer> idleHours, Optional<Integer> maxAgeHours) implements ValidatedBlock {

    /** Inherit everything. */
    public static final SessionPolicy INHERIT = new SessionPolicy(Optional.empty(), Optional.empty());

    public SessionPolicy {
        idleHours = Objects.requireNonNullElse(idleHours, Optional.empty());
        maxAgeHours = Objects.requireNonNullElse(maxAgeHours, Optional.empty());
    }

    @Override
    public void collectIssues(String path, List<ConfigIssue> issues) {
        idleHours.ifPresent(h -> SessionConfig.checkHours(path, "idleHours", h, issues));
        maxAgeHours.ifPresent(h -> SessionConfig.checkHours(path, "maxAgeHours", h, issues));
    }
}
