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

    static final String SELECT = "SELECT session_key, agent_id, created_at, updated_at, entry_count FROM sessions";

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
        long now = clock.millis();
        return jdbc.inTransaction("opening session " + key, c -> {
            Jdbc.update(
                    c,
                    "INSERT INTO sessions (session_key, agent_id, created_at, updated_at, entry_count)"
                            + " VALUES (?, ?, ?, ?, 0) ON CONFLICT (session_key) DO NOTHING",
                    key,
                    agentId,
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
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return jdbc.query(
                "listing sessions",
                SELECT + " ORDER BY updated_at DESC, session_key LIMIT ?",
                JdbcSessionStore::map,
                limit);
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

    static SessionRecord map(ResultSet row) throws SQLException {
        return new SessionRecord(
                row.getString(1),
                row.getString(2),
                Instant.ofEpochMilli(row.getLong(3)),
                Instant.ofEpochMilli(row.getLong(4)),
                row.getLong(5));
    }
}
