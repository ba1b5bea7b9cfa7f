package openclaw.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sqlite.SQLiteConfig;

/**
 * Copies the SQLite write-ahead log into the database file on a thread of its own, so no commit waits for it.
 *
 * <p>SQLite's automatic checkpoint runs inside the commit that crossed the threshold: that commit, and every
 * transaction queued behind it in {@link GroupCommit}, waited while thousands of pages were copied and the database
 * file was fsynced (40-50 ms commits, seen in the API benchmark's slowest 1 %). The writer connection therefore runs
 * with automatic checkpoints off, and this runs a {@code PASSIVE} checkpoint every {@link #EVERY} on its own
 * connection. A passive checkpoint never takes the write lock: commits go on while it copies.
 *
 * <p>The log only starts again from its beginning when a write begins while everything was copied and no reader is
 * using it; under steady load that moment never comes (the writer always appended more since the copy), and the log
 * grew by gigabytes a minute in the API benchmark. So once a checkpoint copied everything and the log holds at least
 * {@value #RESTART_FRAMES} frames, this asks the writer (through {@code restartLog}) to run {@link #restart} between
 * two batches, with the gateway's reads paused ({@link SqliteReaders#paused}): it copies the few frames written since a
 * second passive pass, fsyncs the database file, and the next commit writes the log from its start again
 * ({@code journal_size_limit} then trims the file). In the API benchmark (9,000 turns/s) that stalls writes and reads
 * for about 10 ms (mostly the fsync of a growing database file) every two seconds; a quiet gateway's log restarts by
 * itself. Durability is unchanged: every commit is in the fsynced log before it is acknowledged, and a log left behind
 * by a crash is replayed when the database is next opened. Owned and closed by {@link JdbcStore}; the timer thread is
 * the only one using its connection.
 */
final class WalCheckpointer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WalCheckpointer.class.getName());

    /** How often the log is copied into the database file. */
    static final Duration EVERY = Duration.ofSeconds(2);

    /** A log at least this long (frames of one page, 16 MiB), and completely copied, is restarted by the writer. */
    static final int RESTART_FRAMES = 4096;

    /**
     * How long a restart waits for readers of other processes (the CLI) to leave the log; the gateway's own reads are
     * paused. One that does not finish in time is tried again after the next checkpoint.
     */
    static final int RESTART_WAIT_MILLIS = 20;

    /** What one checkpoint did: frames in the log and frames copied into the database file so far. */
    record Result(boolean busy, long logFrames, long copiedFrames) {

        /** The row {@code PRAGMA wal_checkpoint} answers. */
        static Result of(ResultSet row) throws SQLException {
            return new Result(row.getInt(1) != 0, row.getLong(2), row.getLong(3));
        }
    }

    private final Path file;
    private final int restartFrames;
    private final Runnable restartLog;
    private final ScheduledExecutorService timer;
    private final AtomicBoolean closed = new AtomicBoolean();
    private Optional<Connection> connection = Optional.empty();

    /**
     * Checks every {@code every}; {@code restartLog} must make the writer run {@link #restart} on its connection soon
     * (it is called on the timer thread and must not wait for that) and is called once the log holds
     * {@code restartFrames} frames ({@link #RESTART_FRAMES} in the gateway).
     */
    WalCheckpointer(Path file, Duration every, int restartFrames, Runnable restartLog) {
        this.file = file;
        this.restartFrames = restartFrames;
        this.restartLog = restartLog;
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("openclaw-sqlite-checkpoint").daemon().factory());
        long millis = every.toMillis();
        timer.scheduleWithFixedDelay(this::checkpointQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Runs one passive checkpoint now (on the timer thread) and returns what it did. */
    Result checkpointNow() throws SQLException {
        try {
            return timer.submit(this::checkpoint).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof SQLException s ? s : new SQLException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a checkpoint", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new SQLException("checkpoint took over 30 s", e);
        }
    }

    private void checkpointQuietly() {
        try {
            Result result = checkpoint();
            if (copiedAll(result) && result.logFrames() >= restartFrames && copiedAll(checkpoint())) {
                // the second pass copied what was written during the first, so the restart has little left to copy
                restartLog.run();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "WAL checkpoint failed; retried later", e);
            closeConnection(); // reopened on the next round
        }
    }

    private static boolean copiedAll(Result result) {
        return !result.busy() && result.copiedFrames() == result.logFrames();
    }

    private Result checkpoint() throws SQLException {
        Connection c = connection();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            r.next();
            return Result.of(r);
        }
    }

    /**
     * Restarts the log, on the writer's connection between two batches (no write is in progress, so the checkpoint
     * copies only what was written since the last one). Waits at most {@value #RESTART_WAIT_MILLIS} ms for readers;
     * {@code busy} when they did not leave in time (the log then simply goes on growing until the next try).
     */
    static Result restart(ConnectionLease c) throws SQLException {
        Jdbc.execute(c, "PRAGMA busy_timeout = " + RESTART_WAIT_MILLIS);
        try {
            return Jdbc.queryOne(c, "PRAGMA wal_checkpoint(RESTART)", Result::of)
                    .orElseThrow();
        } finally {
            Jdbc.execute(c, "PRAGMA busy_timeout = " + SqliteDataSource.BUSY_TIMEOUT_MILLIS);
        }
    }

    private Connection connection() throws SQLException {
        if (connection.isEmpty()) {
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(SqliteDataSource.BUSY_TIMEOUT_MILLIS);
            config.setJournalSizeLimit(SqliteDataSource.JOURNAL_SIZE_LIMIT_BYTES);
            config.setWalAutocheckpoint(0);
            connection = Optional.of(config.createConnection(StoreUrl.SQLITE_PREFIX + file));
        }
        return connection.get();
    }

    private void closeConnection() {
        connection.ifPresent(c -> {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.log(Level.FINE, "closing the checkpoint connection failed", e);
            }
        });
        connection = Optional.empty();
    }

    /** Stops checking; a last checkpoint happens when the database's last connection closes. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        timer.execute(this::closeConnection);
        timer.shutdown();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
