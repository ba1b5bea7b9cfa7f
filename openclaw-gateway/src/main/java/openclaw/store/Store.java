package openclaw.store;

/**
 * The gateway's durable state: one connection pool and the small stores that share it.
 *
 * <p>Opened once by the composition root with {@link #open(StoreSettings)}, migrated with {@link #migrate()}, and
 * closed at shutdown. All methods are thread-safe and blocking; callers run them on virtual threads. Every failure is
 * a {@link StoreException}.
 */
public interface Store extends AutoCloseable {

    /**
     * Opens the connection pool for {@code settings.jdbcUrl()} without touching the schema. For SQLite the state
     * directory is created (mode 0700) when missing.
     *
     * @throws StoreException when the URL is unsupported, the location is not writable or the server is unreachable
     */
    static Store open(StoreSettings settings) {
        return JdbcStore.open(settings);
    }

    /**
     * Loads the JDBC drivers, the SQLite native library and the pool classes without opening anything, so a starting
     * gateway can pay that cost while it reads its config. Never throws: {@link #open} reports real problems.
     */
    static void prewarm() {
        JdbcStore.prewarm();
    }

    /** Applies pending migrations; a no-op on an up-to-date database. Never deletes data. */
    void migrate();

    /** Compares applied and shipped migrations without changing anything. */
    MigrationStatus migrationStatus();

    /** Which database this is. */
    StoreKind kind();

    /** Where the data lives, e.g. {@code sqlite /home/u/.openclaw/state/openclaw.sqlite}; never a password. */
    String describe();

    /** A cheap liveness query. */
    void check();

    /** The single row describing this installation. */
    InstanceStore instance();

    /** Agents and their channel bindings. */
    AgentStore agents();

    /** Session index. */
    SessionStore sessions();

    /** Append-only session transcripts. */
    TranscriptStore transcripts();

    /** Small namespaced string values. */
    KeyValueStore keyValues();

    /** Write transactions and commits so far, e.g. for metrics and benchmarks. */
    WriteStats writeStats();

    /** Closes the pool; idempotent. */
    @Override
    void close();
}
