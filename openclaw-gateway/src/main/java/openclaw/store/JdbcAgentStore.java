package openclaw.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link AgentStore} on the {@code agents} and {@code agent_bindings} tables. Lists are sorted in Java so both
 * dialects return the same order regardless of database collation. Thread-safe.
 */
final class JdbcAgentStore implements AgentStore {

    private static final String SELECT_AGENT = "SELECT id, display_name, created_at, updated_at FROM agents";
    private static final String SELECT_BINDING = "SELECT agent_id, channel, account_id, created_at FROM agent_bindings";
    private static final Comparator<Binding> BINDING_ORDER = Comparator.comparing(Binding::channel)
            .thenComparing(Binding::accountId)
            .thenComparing(Binding::agentId);

    private final Jdbc jdbc;
    private final Clock clock;

    JdbcAgentStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public AgentRecord upsert(String id, String displayName) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        long now = clock.millis();
        return jdbc.inTransaction("saving agent " + id, c -> {
            Jdbc.update(
                    c,
                    "INSERT INTO agents (id, display_name, created_at, updated_at) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name,"
                            + " updated_at = excluded.updated_at",
                    id,
                    displayName,
                    now,
                    now);
            return Jdbc.queryOne(c, SELECT_AGENT + " WHERE id = ?", JdbcAgentStore::agent, id)
                    .orElseThrow();
        });
    }

    @Override
    public Optional<AgentRecord> find(String id) {
        return jdbc.query("reading agent " + id, SELECT_AGENT + " WHERE id = ?", JdbcAgentStore::agent, id).stream()
                .findFirst();
    }

    @Override
    public List<AgentRecord> list() {
        return jdbc.query("listing agents", SELECT_AGENT, JdbcAgentStore::agent).stream()
                .sorted(Comparator.comparing(AgentRecord::id))
                .toList();
    }

    @Override
    public boolean delete(String id) {
        return jdbc.update("deleting agent " + id, "DELETE FROM agents WHERE id = ?", id) > 0;
    }

    @Override
    public Binding bind(String agentId, String channel, String accountId) {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(accountId, "accountId");
        long now = clock.millis();
        String where = " WHERE agent_id = ? AND channel = ? AND account_id = ?";
        return jdbc.inTransaction("binding " + channel + "/" + accountId + " to agent " + agentId, c -> {
            Jdbc.update(
                    c,
                    "INSERT INTO agent_bindings (agent_id, channel, account_id, created_at) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (agent_id, channel, account_id) DO NOTHING",
                    agentId,
                    channel,
                    accountId,
                    now);
            return Jdbc.queryOne(c, SELECT_BINDING + where, JdbcAgentStore::binding, agentId, channel, accountId)
                    .orElseThrow();
        });
    }

    @Override
    public boolean unbind(String agentId, String channel, String accountId) {
        return jdbc.update(
                        "unbinding " + channel + "/" + accountId + " from agent " + agentId,
                        "DELETE FROM agent_bindings WHERE agent_id = ? AND channel = ? AND account_id = ?",
                        agentId,
                        channel,
                        accountId)
                > 0;
    }

    @Override
    public List<Binding> listBindings() {
        return jdbc.query("listing bindings", SELECT_BINDING, JdbcAgentStore::binding).stream()
                .sorted(BINDING_ORDER)
                .toList();
    }

    private static AgentRecord agent(ResultSet row) throws SQLException {
        return new AgentRecord(
                row.getString(1),
                row.getString(2),
                Instant.ofEpochMilli(row.getLong(3)),
                Instant.ofEpochMilli(row.getLong(4)));
    }

    private static Binding binding(ResultSet row) throws SQLException {
        return new Binding(row.getString(1), row.getString(2), row.getString(3), Instant.ofEpochMilli(row.getLong(4)));
    }
}
