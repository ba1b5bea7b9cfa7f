package openclaw.session;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import openclaw.config.OpenClawConfig;
import openclaw.config.SessionConfig;
import openclaw.store.SessionRecord;
import openclaw.store.SessionStore;
import openclaw.store.TranscriptEntry;
import openclaw.store.TranscriptStore;

/**
 * Session lifecycle over the durable store: get-or-create, expiry (idle and maximum age), reset, extend, delete and
 * the current conversation's history. Nothing is kept in memory, so a restarted gateway continues where it stopped.
 * The policy is read from the config supplier on every call, so a hot-reloaded {@code [session]} or
 * {@code [channels.*]} block applies to the next message.
 *
 * <p>Thread-safe. Calls for one key are serialised by that key's own lock ({@link KeyLocks}; other keys never wait for
 * it, and virtual threads doing the store I/O under it do not pin), which keeps two concurrent {@link #open} calls of
 * an expired session from restarting it twice. Gateways sharing one PostgreSQL database are not coordinated beyond
 * the store's own atomicity. Created and owned by the composition root (or a CLI command).
 */
public final class SessionService {

    private final SessionStore sessions;
    private final TranscriptStore transcripts;
    private final Supplier<OpenClawConfig> config;
    private final Clock clock;
    private final KeyLocks locks = new KeyLocks();

    public SessionService(
            SessionStore sessions, TranscriptStore transcripts, Supplier<OpenClawConfig> config, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.transcripts = Objects.requireNonNull(transcripts, "transcripts");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The session for a turn: created for {@code agentId} when missing (an existing one keeps its agent). When its
     * conversation has expired, a fresh one is started first and the view says {@code renewed}.
     *
     * @throws SessionException for an empty or over-long key
     */
    public SessionView open(String key, String agentId) {
        SessionConfig policy = policy(key);
        Objects.requireNonNull(agentId, "agentId");
        return locked(key, () -> {
            SessionView current = SessionView.at(sessions.getOrCreate(key, agentId), policy, clock.instant(), false);
            if (!current.expired()) {
                return current;
            }
            return SessionView.at(sessions.restart(key), policy, clock.instant(), true);
        });
    }

    /** The stored session, without changing it (an expired one is reported as expired). */
    public Optional<SessionView> find(String key) {
        SessionConfig policy = policy(key);
        return sessions.find(key).map(r -> SessionView.at(r, policy, clock.instant(), false));
    }

    /** Up to {@code limit} sessions, of one agent when given, most recently active first. */
    public List<SessionView> list(int limit, Optional<String> agentId) {
        List<SessionRecord> records = agentId.map(a -> sessions.list(limit, a)).orElseGet(() -> sessions.list(limit));
        return records.stream()
                .map(r -> SessionView.at(r, policy(r.key()), clock.instant(), false))
                .toList();
    }

    /**
     * Starts a new conversation now; the old transcript stays stored.
     *
     * @throws SessionException ({@link SessionException.Reason#NOT_FOUND}) for an unknown key
     */
    public SessionView reset(String key) {
        SessionConfig policy = policy(key);
        return locked(key, () -> {
            requireExisting(key);
            return SessionView.at(sessions.restart(key), policy, clock.instant(), false);
        });
    }

    /**
     * Renews the session's lifetime from now (both the idle and the maximum-age clock), keeping the conversation.
     *
     * @throws SessionException ({@link SessionException.Reason#NOT_FOUND}) for an unknown key
     */
    public SessionView extend(String key) {
        SessionConfig policy = policy(key);
        return locked(key, () -> {
            requireExisting(key);
            return SessionView.at(sessions.extend(key), policy, clock.instant(), false);
        });
    }

    /** Deletes the session and its whole transcript; true when it existed. */
    public boolean delete(String key) {
        SessionKey.parse(key);
        return locked(key, () -> sessions.delete(key));
    }

    /**
     * The last {@code limit} entries of the current conversation, oldest first; empty for an unknown session.
     *
     * @throws IllegalArgumentException for a negative limit
     */
    public List<TranscriptEntry> history(String key, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        SessionKey.parse(key);
        return sessions.find(key)
                .map(r -> {
                    // seqs are gap-free and entryCount is the highest one, so the last `limit` start after this seq
                    long after = Math.max(r.historyFrom(), r.entryCount() - limit);
                    return transcripts.read(key, after, limit);
                })
                .orElse(List.of());
    }

    /**
     * The lifetime that applies to {@code key}: {@code [session]} with the overrides of the key's channel, and of its
     * threads for a key with a thread part.
     *
     * @throws SessionException for an empty or over-long key
     */
    public SessionConfig policy(String key) {
        SessionKey parsed = SessionKey.parse(key);
        return config.get()
                .sessionPolicy(parsed.channel().orElse(""), parsed.thread().isPresent());
    }

    private void requireExisting(String key) {
        if (sessions.find(key).isEmpty()) {
            throw SessionException.notFound(key);
        }
    }

    private <T> T locked(String key, Supplier<T> work) {
        return locks.locked(key, work);
    }
}
