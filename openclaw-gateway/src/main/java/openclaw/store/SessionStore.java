package openclaw.store;

import java.util.List;
import java.util.Optional;

/** The session index. Keys are 1 to {@value #MAX_KEY_LENGTH} characters. Thread-safe. */
public interface SessionStore {

    /** Longest accepted session key. */
    int MAX_KEY_LENGTH = 512;

    /** The session with this key, created for {@code agentId} if missing (an existing one keeps its agent). */
    SessionRecord getOrCreate(String key, String agentId);

    /** The session with this key. */
    Optional<SessionRecord> find(String key);

    /** Up to {@code limit} sessions, most recently updated first. */
    List<SessionRecord> list(int limit);

    /**
     * Sets the session's {@code updatedAt} to now.
     *
     * @throws StoreException when no such session exists
     */
    void touch(String key);

    /** Deletes the session and its whole transcript; true when it existed. */
    boolean delete(String key);
}
