package openclaw.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import openclaw.config.SessionConfig;
import openclaw.store.SessionRecord;

/**
 * A stored session as its users see it: the index row, the lifetime policy that applies to its key, and what follows
 * from both at one instant.
 *
 * @param session the stored row
 * @param policy the effective lifetime: {@code [session]} with the key's channel and thread overrides applied
 * @param expiresAt the earliest of the idle deadline ({@code updatedAt + idleHours}) and the maximum-age deadline
 *     ({@code segmentStartedAt + maxAgeHours}); empty when both limits are off
 * @param expired whether {@code expiresAt} had passed when this view was made; the next message then starts a fresh
 *     conversation
 * @param messages transcript entries in the current conversation
 * @param renewed true only when {@link SessionService#open} just started a fresh conversation because the previous
 *     one had expired
 */
public record SessionView(
        SessionRecord session,
        SessionConfig policy,
        Optional<Instant> expiresAt,
        boolean expired,
        long messages,
        boolean renewed) {

    /** Validates that every part is present. */
    public SessionView {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The view of {@code session} under {@code policy} at {@code now}. */
    static SessionView at(SessionRecord session, SessionConfig policy, Instant now, boolean renewed) {
        Optional<Instant> deadline = deadline(session, policy);
        boolean expired = deadline.isPresent() && !now.isBefore(deadline.get());
        return new SessionView(session, policy, deadline, expired, session.conversationEntries(), renewed);
    }

    /** When {@code session} expires under {@code policy}; empty when it never does. */
    static Optional<Instant> deadline(SessionRecord session, SessionConfig policy) {
        return Stream.of(
                        after(session.updatedAt(), policy.idleHours()),
                        after(session.segmentStartedAt(), policy.maxAgeHours()))
                .flatMap(Optional::stream)
                .min(Instant::compareTo);
    }

    private static Optional<Instant> after(Instant start, int hours) {
        return hours == 0 ? Optional.empty() : Optional.of(start.plus(Duration.ofHours(hours)));
    }

    /** The session key. */
    public String key() {
        return session.key();
    }

    /** The agent that owns the session. */
    public String agentId() {
        return session.agentId();
    }

    /** The policy in words, e.g. {@code idle 24 h, max age off}. */
    public String policySummary() {
        return summary(policy);
    }

    /** {@code policy} in words, e.g. {@code idle 24 h, max age off}. */
    public static String summary(SessionConfig policy) {
        return "idle " + hours(policy.idleHours()) + ", max age " + hours(policy.maxAgeHours());
    }

    private static String hours(int hours) {
        return hours == 0 ? "off" : hours + " h";
    }
}
