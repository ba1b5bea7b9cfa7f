package openclaw.store;

import java.util.List;
import java.util.Optional;

/** The session index. Keys are 1 to {@value #MAX_KEY_LENGTH} characters. Thread-safe. */
public interface SessionStore {

    /** Longest accepted session key. */
    int MAX_KEY_LENGTH = 512;

    /**
     * The session with this key, created for {@code agentId} if missing (an existing one keeps its agent). A new
     * session's conversation starts at its creation.
     */
    SessionRecord getOrCreate(String key, String agentId);

    /** The session with this key. */
    Optional<SessionRecord> find(String key);

    /** Up to {@code limit} sessions, most recently updated first. */
    List<SessionRecord> list(int limit);

    /** Up to {@code limit} sessions of one agent, most recently updated first. */
    List<SessionRecord> list(int limit, String agentId);

    /** How many sessions each agent has (agents without sessions are absent), ordered by agent id. */
    java.util.SortedMap<String, Long> countByAgent();

    /**
     * Sets the session's {@code updatedAt} to now.
     *
     * @throws StoreException when no such session exists
     */
    void touch(String key);

    /**
     * Starts a new conversation: {@code historyFrom} becomes the highest transcript seq, {@code segmentStartedAt} and
     * {@code updatedAt} become now. The old transcript stays stored; it is just no longer part of the conversation.
     * Atomic with respect to concurrent appends.
     *
     * @return the updated session
     * @throws StoreException when no such session exists
     */
    SessionRecord restart(String key);

    /**
     * Renews the session's lifetime: {@code segmentStartedAt} and {@code updatedAt} become now, the conversation is
     * kept.
     *
     * @return the updated session
     * @throws StoreException when no such session exists
     */
    SessionRecord extend(String key);

    /** Deletes the session and its whole transcript; true when it existed. */
    boolean delete(String key);
}
