package openclaw.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * The {@link Store} over HikariCP pools: for PostgreSQL one pool; for SQLite a one-connection writer pool fed by
 * {@link GroupCommit} and a small read-only pool. Schema changes go through Flyway with one migration
 * set per dialect ({@code db/migration/sqlite}, {@code db/migration/postgresql}); migration versions are integers.
 * Created by {@link Store#open(StoreSettings)}, owned and closed by the composition root. Thread-safe.
 */
final class JdbcStore implements Store {

    private final StoreUrl url;
    private final HikariDataSource pool;
    private final Optional<SqliteReaders> readers;
    private final Optional<GroupCommit> groupCommit;
    private final Optional<WalCheckpointer> checkpointer;
    /** Commits of the PostgreSQL shape, where every write transaction commits on its own. */
    private final AtomicLong pooledCommits = new AtomicLong();

    private final Jdbc jdbc;
    private final ReentrantLock flywayLock = new ReentrantLock();
    private final InstanceStore instance;
    private final AgentStore agents;
    private final SessionStore sessions;
    private final TranscriptStore transcripts;
    private final KeyValueStore keyValues;
    private Flyway flyway;

    private JdbcStore(StoreUrl url, HikariDataSource pool, Clock clock) {
        this.url = url;
        this.pool = pool;
        if (url.kind() == StoreKind.SQLITE) {
            SqliteReaders read =
                    new SqliteReaders(SqliteDataSource.readOnly(url.sqliteFile()), SqliteDataSource.READERS);
            GroupCommit writer = new GroupCommit(pool, "openclaw-sqlite-writer");
            this.readers = Optional.of(read);
            this.groupCommit = Optional.of(writer);
            this.checkpointer = Optional.of(new WalCheckpointer(
                    url.sqliteFile(),
                    WalCheckpointer.EVERY,
                    WalCheckpointer.RESTART_FRAMES,
                    () -> writer.between(c -> read.paused(() -> WalCheckpointer.restart(c)))));
            this.jdbc = new Jdbc(read, writer, url.describe());
        } else {
            this.readers = Optional.empty();
            this.groupCommit = Optional.empty();
            this.checkpointer = Optional.empty();
            this.jdbc = Jdbc.pooled(pool, url.describe(), pooledCommits);
        }
        this.instance = new JdbcInstanceStore(jdbc, clock);
        this.agents = new JdbcAgentStore(jdbc, clock);
        this.sessions = new JdbcSessionStore(jdbc, clock);
        this.transcripts = new JdbcTranscriptStore(jdbc, clock, url.kind());
        this.keyValues = new JdbcKeyValueStore(jdbc, clock);
    }

    /** The highest migration shipped ({@code V<n>__*.sql}, the same in both dialect folders; a test checks it). */
    static final int SCHEMA_VERSION = 2;

    static void prewarm() {
        try {
            org.sqlite.SQLiteJDBCLoader.initialize();
            Class.forName("com.zaxxer.hikari.HikariDataSource", true, JdbcStore.class.getClassLoader());
            Class.forName("org.sqlite.JDBC", true, JdbcStore.class.getClassLoader());
        } catch (Exception e) { // warm-up only
        }
    }

    static Store open(StoreSettings settings) {
        StoreUrl url = StoreUrl.parse(settings.jdbcUrl());
        HikariDataSource pool =
                switch (url.kind()) {
                    case SQLITE -> SqliteDataSource.open(url.sqliteFile());
                    case POSTGRESQL -> PostgresDataSource.open(url);
                };
        return new JdbcStore(url, pool, settings.clock());
    }

    @Override
    public void migrate() {
        if (appliedSchemaVersion() == SCHEMA_VERSION) {
            // Up to date: skip loading and running Flyway, about 100 ms of a cold start. Flyway still validates
            // checksums whenever there is something to migrate.
            return;
        }
        try {
            flyway().migrate();
        } catch (FlywayException e) {
            throw new StoreException(
                    "migrating the schema of " + describe() + " failed: " + e.getMessage()
                            + ". No data was deleted; if this database was not created by OpenClaw for the JVM, set"
                            + " another storage URL",
                    e);
        }
    }

    @Override
    public MigrationStatus migrationStatus() {
        try {
            MigrationInfoService info = flyway().info();
            MigrationInfo current = info.current();
            int applied = current == null ? 0 : version(current);
            int latest = Arrays.stream(info.all())
                    .filter(m -> m.getState().isResolved())
                    .mapToInt(JdbcStore::version)
                    .max()
                    .orElse(0);
            return new MigrationStatus(applied, latest, info.pending().length);
        } catch (FlywayException e) {
            throw new StoreException("reading the migration status of " + describe() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public StoreKind kind() {
        return url.kind();
    }

    @Override
    public String describe() {
        return url.describe();
    }

    @Override
    public void check() {
        jdbc.query("liveness check", "SELECT 1", row -> row.getInt(1));
    }

    @Override
    public InstanceStore instance() {
        return instance;
    }

    @Override
    public AgentStore agents() {
        return agents;
    }

    @Override
    public SessionStore sessions() {
        return sessions;
    }

    @Override
    public TranscriptStore transcripts() {
        return transcripts;
    }

    @Override
    public KeyValueStore keyValues() {
        return keyValues;
    }

    @Override
    public void close() {
        // the writer finishes the transactions already queued before the pools go away
        groupCommit.ifPresent(GroupCommit::close);
        checkpointer.ifPresent(WalCheckpointer::close);
        readers.ifPresent(SqliteReaders::close);
        pool.close();
    }

    @Override
    public WriteStats writeStats() {
        return groupCommit
                .map(g -> new WriteStats(g.units(), g.batches()))
                .orElseGet(() -> new WriteStats(pooledCommits.get(), pooledCommits.get()));
    }

    @Override
    public String toString() {
        return "Store[" + describe() + "]";
    }

    /**
     * The schema version recorded by successful migrations in Flyway's history table, 0 without one, -1 when a
     * failed migration is recorded (Flyway must then report it).
     */
    private int appliedSchemaVersion() {
        try (Connection c = pool.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
            int max = 0;
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    return -1;
                }
                max = Math.max(max, Integer.parseInt(rs.getString(1)));
            }
            return max;
        } catch (SQLException | NumberFormatException e) {
            return 0; // no history table yet (a new database) or one Flyway must interpret
        }
    }

    /** Built on first use: loading Flyway costs startup time that stores which are never migrated need not pay. */
    private Flyway flyway() {
        flywayLock.lock();
        try {
            if (flyway == null) {
                String dialect = url.kind() == StoreKind.SQLITE ? "sqlite" : "postgresql";
                flyway = Flyway.configure(JdbcStore.class.getClassLoader())
                        .dataSource(pool)
                        .locations("classpath:db/migration/" + dialect)
                        .failOnMissingLocations(true)
                        .placeholderReplacement(false)
                        .cleanDisabled(true)
                        .load();
            }
            return flyway;
        } finally {
            flywayLock.unlock();
        }
    }

    private static int version(MigrationInfo migration) {
        String version = migration.getVersion().getVersion();
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw new StoreException("migration version " + version + " is not an integer (V1, V2, …)", e);
        }
    }
}
