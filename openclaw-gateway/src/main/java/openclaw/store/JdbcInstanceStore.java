package openclaw.store;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** {@link InstanceStore} on the {@code instance} table, whose single row has {@code id = 1}. Thread-safe. */
final class JdbcInstanceStore implements InstanceStore {

    private static final String SELECT =
            "SELECT instance_id, created_at, last_started_at, version FROM instance WHERE id = 1";

    private final Jdbc jdbc;
    private final Clock clock;

    JdbcInstanceStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public InstanceInfo startup(String version) {
        Objects.requireNonNull(version, "version");
        long now = clock.millis();
        return jdbc.inTransaction("recording the gateway start", c -> {
            Jdbc.update(
                    c,
                    "INSERT INTO instance (id, instance_id, created_at, last_started_at, version) VALUES (1, ?, ?, ?, ?)"
                            + " ON CONFLICT (id) DO UPDATE SET last_started_at = excluded.last_started_at,"
                            + " version = excluded.version",
                    UUID.randomUUID().toString(),
                    now,
                    now,
                    version);
            return Jdbc.queryOne(c, SELECT, JdbcInstanceStore::map).orElseThrow();
        });
    }

    @Override
    public Optional<InstanceInfo> current() {
        return jdbc.query("reading the instance row", SELECT, JdbcInstanceStore::map).stream()
                .findFirst();
    }

    private static InstanceInfo map(java.sql.ResultSet row) throws java.sql.SQLException {
        return new InstanceInfo(
                row.getString(1),
                Instant.ofEpochMilli(row.getLong(2)),
                Instant.ofEpochMilli(row.getLong(3)),
                row.getString(4));
    }
}
