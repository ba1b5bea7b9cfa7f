package openclaw.store;

import java.util.List;

/**
 * Append-only session transcripts. Entries are never changed (the database rejects UPDATE); they disappear only
 * with their session ({@link SessionStore#delete(String)}). Thread-safe, including concurrent appends to one session.
 */
public interface TranscriptStore {

    /**
     * Appends an entry with {@code seq} = previous maximum + 1 and bumps the session's {@code updatedAt} and
     * {@code entryCount}, all in one transaction.
     *
     * @param contentJson a JSON text, stored exactly as given
     * @throws StoreException when the session does not exist or the content is not valid JSON
     */
    TranscriptEntry append(String sessionKey, String role, String contentJson);

    /**
     * Starts an {@link #append} and, where the store batches writes (SQLite's group commit), returns before it is
     * durable, so the caller can go on while it commits; elsewhere it appends at once. Appends commit in the order they
     * were started: this one is durable no later than any append started after it. The calling thread must
     * {@link PendingAppend#await} it before it reports anything that depends on it.
     */
    default PendingAppend startAppend(String sessionKey, String role, String contentJson) {
        TranscriptEntry entry = append(sessionKey, role, contentJson);
        return () -> entry;
    }

    /** Up to {@code limit} entries with {@code seq > afterSeq}, in seq order. */
    List<TranscriptEntry> read(String sessionKey, long afterSeq, int limit);

    /** Number of entries in the session's transcript (0 for an unknown session). */
    long count(String sessionKey);

    /** An append that may still be committing (see {@link #startAppend}). */
    @FunctionalInterface
    interface PendingAppend {

        /**
         * The appended entry, once durable.
         *
         * @throws StoreException as {@link #append} does
         */
        TranscriptEntry await();
    }
}
