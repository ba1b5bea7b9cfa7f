package openclaw.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A session's index row.
 *
 * <p>A session's transcript is split into conversations: a reset or an expiry starts a new one without deleting
 * anything ({@link SessionStore#restart(String)}). Only the entries after {@code historyFrom} belong to the current
 * conversation, which started at {@code segmentStartedAt}.
 *
 * @param key the session key, e.g. {@code agent:main:main}
 * @param agentId the agent that owns the session
 * @param createdAt when the session was first created
 * @param updatedAt the last activity: an append, a restart or an extension
 * @param entryCount entries in the whole transcript; seqs are gap-free, so this is also the highest seq
 * @param historyFrom the transcript seq after which the current conversation starts (0: the whole transcript)
 * @param segmentStartedAt when the current conversation started
 */
public record SessionRecord(
        String key,
        String agentId,
        Instant createdAt,
        Instant updatedAt,
        long entryCount,
        long historyFrom,
        Instant segmentStartedAt) {

    /** Validates that every part is present. */
    public SessionRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(segmentStartedAt, "segmentStartedAt");
    }

    /** Entries in the current conversation. */
    public long conversationEntries() {
        return Math.max(0, entryCount - historyFrom);
    }
}
