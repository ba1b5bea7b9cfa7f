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

    /** Up to {@code limit} entries with {@code seq > afterSeq}, in seq order. */
    List<TranscriptEntry> read(String sessionKey, long afterSeq, int limit);

    /** Number of entries in the session's transcript (0 for an unknown session). */
    long count(String sessionKey);
}
