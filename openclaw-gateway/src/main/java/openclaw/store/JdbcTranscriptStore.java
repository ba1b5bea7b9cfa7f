package openclaw.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@link TranscriptStore} on the {@code transcript_entries} table.
 *
 * <p>Seq assignment is gap-free and unique under concurrency: each append first bumps the session row
 * ({@code entry_count + 1}, which locks it until commit) and takes the new count as the entry's seq, then inserts, in
 * one transaction. {@code entry_count} is the highest seq because only this transaction changes either (deleting a
 * session deletes both); the primary key {@code (session_key, seq)} is the last line of defence. On PostgreSQL the
 * UPDATE's row lock serialises appends from every gateway process; on SQLite the transaction holds the database's
 * single write lock ({@code BEGIN IMMEDIATE}, see {@link GroupCommit}). Thread-safe.
 */
final class JdbcTranscriptStore implements TranscriptStore {

    private final Jdbc jdbc;
    private final Clock clock;
    private final String insert;

    JdbcTranscriptStore(Jdbc jdbc, Clock clock, StoreKind kind) {
        this.jdbc = jdbc;
        this.clock = clock;
        boolean postgres = kind == StoreKind.POSTGRESQL;
        // PostgreSQL's json type needs an explicit cast from a text parameter; json keeps the text byte for byte
        this.insert = "INSERT INTO transcript_entries (session_key, seq, role, content, created_at) VALUES (?, ?, ?, "
                + (postgres ? "CAST(? AS json)" : "?") + ", ?)";
    }

    @Override
    public TranscriptEntry append(String sessionKey, String role, String contentJson) {
        return jdbc.inTransaction(what(sessionKey), appending(sessionKey, role, contentJson));
    }

    @Override
    public PendingAppend startAppend(String sessionKey, String role, String contentJson) {
        Jdbc.Later<TranscriptEntry> later =
                jdbc.inTransactionLater(what(sessionKey), appending(sessionKey, role, contentJson));
        return later::await;
    }

    private static String what(String sessionKey) {
        return "appending to the transcript of session " + sessionKey;
    }

    private Jdbc.Work<TranscriptEntry> appending(String sessionKey, String role, String contentJson) {
        Objects.requireNonNull(sessionKey, "sessionKey");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(contentJson, "contentJson");
        return c -> {
            long now = clock.millis(); // taken inside the transaction, so created_at follows seq order
            // two statements instead of lock, MAX(seq), insert, bump: the bump is the lock and yields the seq
            long seq = Jdbc.queryOne(
                            c,
                            "UPDATE sessions SET updated_at = ?, entry_count = entry_count + 1 WHERE session_key = ?"
                                    + " RETURNING entry_count",
                            row -> row.getLong(1),
                            now,
                            sessionKey)
                    .orElseThrow(() -> new StoreException("cannot append to the transcript of session " + sessionKey
                            + ": the session does not exist; create it with SessionStore.getOrCreate first"));
            Jdbc.update(c, insert, sessionKey, seq, role, contentJson, now);
            return new TranscriptEntry(sessionKey, seq, role, contentJson, Instant.ofEpochMilli(now));
        };
    }

    @Override
    public List<TranscriptEntry> read(String sessionKey, long afterSeq, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return jdbc.query(
                "reading the transcript of session " + sessionKey,
                "SELECT session_key, seq, role, content, created_at FROM transcript_entries"
                        + " WHERE session_key = ? AND seq > ? ORDER BY seq LIMIT ?",
                JdbcTranscriptStore::map,
                sessionKey,
                afterSeq,
                limit);
    }

    @Override
    public long count(String sessionKey) {
        return jdbc.query(
                        "counting the transcript of session " + sessionKey,
                        "SELECT COUNT(*) FROM transcript_entries WHERE session_key = ?",
                        row -> row.getLong(1),
                        sessionKey)
                .getFirst();
    }

    private static TranscriptEntry map(ResultSet row) throws SQLException {
        return new TranscriptEntry(
                row.getString(1),
                row.getLong(2),
                row.getString(3),
                row.getString(4),
                Instant.ofEpochMilli(row.getLong(5)));
    }
}
