package openclaw.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link SessionStore} on the {@code sessions} table; deleting a session also deletes its transcript. Thread-safe. */
final class JdbcSessionStore implements SessionStore {

    static final String SELECT = "SELECT session_key, agent_id, created_at, updated_at, entry_count, history_from,"
            + " segment_started_at FROM sessions";

    private final Jdbc jdbc;
    private final Clock clock;

    JdbcSessionStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public SessionRecord getOrCreate(String key, String agentId) {
        checkKey(key);
        Objects.requireNonNull(agentId, "agentId");
        // Nearly every call finds the session: a read, so an ongoing conversation's turn costs no write transaction
        // here. Sessions are only created, never re-keyed, so a hit cannot go stale except by a concurrent delete,
        // which the insert path would race with just the same.
        Optional<SessionRecord> existing = find(key);
        if (existing.isPresent()) {
            return existing.get();
        }
        long now = clock.millis();
        return jdbc.inTransaction("opening session " + key, c -> {
            Jdbc.update(
                    c,
                    "INSERT INTO sessions (session_key, agent_id, created_at, updated_at, entry_count, history_from,"
                            + " segment_started_at) VALUES (?, ?, ?, ?, 0, 0, ?) ON CONFLICT (session_key) DO NOTHING",
                    key,
                    agentId,
                    now,
                    now,
                    now);
            return Jdbc.queryOne(c, SELECT + " WHERE session_key = ?", JdbcSessionStore::map, key)
                    .orElseThrow();
        });
    }

    @Override
    public Optional<SessionRecord> find(String key) {
        return jdbc
                .query("reading session " + key, SELECT + " WHERE session_key = ?", JdbcSessionStore::map, key)
                .stream()
                .findFirst();
    }

    @Override
    public List<SessionRecord> list(int limit) {
        checkLimit(limit);
        return jdbc.query(
                "listing sessions",
                SELECT + " ORDER BY updated_at DESC, session_key LIMIT ?",
                JdbcSessionStore::map,
                limit);
    }

    @Override
    public List<SessionRecord> list(int limit, String agentId) {
        Objects.requireNonNull(agentId, "agentId");
        checkLimit(limit);
        return jdbc.query(
                "listing sessions of agent " + agentId,
                SELECT + " WHERE agent_id = ? ORDER BY updated_at DESC, session_key LIMIT ?",
                JdbcSessionStore::map,
                agentId,
                limit);
    }

    @Override
    public java.util.SortedMap<String, Long> countByAgent() {
        java.util.SortedMap<String, Long> counts = new java.util.TreeMap<>();
        jdbc.query(
                        "counting sessions",
                        "SELECT agent_id, COUNT(*) FROM sessions GROUP BY agent_id",
                        row -> java.util.Map.entry(row.getString(1), row.getLong(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    @Override
    public void touch(String key) {
        int updated = jdbc.update(
                "touching session " + key,
                "UPDATE sessions SET updated_at = ? WHERE session_key = ?",
                clock.millis(),
                key);
        if (updated == 0) {
            throw new StoreException("cannot touch session " + key + ": it does not exist");
        }
    }

    @Override
    public SessionRecord restart(String key) {
        // entry_count is the highest seq (seqs are gap-free) and appends bump it under the same row lock, so this
        // single UPDATE cannot split an append: the entry lands either before or after the new conversation starts.
        return updateAndRead(
                "restarting session " + key,
                "UPDATE sessions SET history_from = entry_count, segment_started_at = ?, updated_at = ?"
                        + " WHERE session_key = ?",
                key);
    }

    @Override
    public SessionRecord extend(String key) {
        return updateAndRead(
                "extending session " + key,
                "UPDATE sessions SET segment_started_at = ?, updated_at = ? WHERE session_key = ?",
                key);
    }

    /** Runs {@code sql} with (now, now, key) and returns the updated row; fails when the session does not exist. */
    private SessionRecord updateAndRead(String what, String sql, String key) {
        long now = clock.millis();
        return jdbc.inTransaction(what, c -> {
            if (Jdbc.update(c, sql, now, now, key) == 0) {
                throw new StoreException(what + " failed: the session does not exist");
            }
            return Jdbc.queryOne(c, SELECT + " WHERE session_key = ?", JdbcSessionStore::map, key)
                    .orElseThrow();
        });
    }

    @Override
    public boolean delete(String key) {
        return jdbc.inTransaction("deleting session " + key, c -> {
            // the foreign key cascades too; deleting explicitly keeps this independent of the foreign_keys pragma
            Jdbc.update(c, "DELETE FROM transcript_entries WHERE session_key = ?", key);
            return Jdbc.update(c, "DELETE FROM sessions WHERE session_key = ?", key) > 0;
        });
    }

    static void checkKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new StoreException("session key must be 1 to " + MAX_KEY_LENGTH + " characters, got " + key.length());
        }
    }

    private static void checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
    }

    static SessionRecord map(ResultSet row) throws SQLException {
        return new SessionRecord(
                row.getString(1),
                row.getString(2),
                Instant.ofEpochMilli(row.getLong(3)),
                Instant.ofEpochMilli(row.getLong(4)),
                row.getLong(5),
                row.getLong(6),
                Instant.ofEpochMilli(row.getLong(7)));
    }
}
