package openclaw.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;

/**
 * Opens the embedded SQLite database as a one-connection writer pool plus a small pool of read-only connections, after
 * checking that its directory and file are usable so failures name the exact path instead of surfacing as a driver
 * error.
 *
 * <p>Connection settings, applied by the driver to every new connection:
 * <ul>
 *   <li>{@code journal_mode=WAL}: readers (CLI, backups) never block the gateway's writes.
 *   <li>{@code synchronous=FULL}: every commit fsyncs the write-ahead log. With WAL, {@code NORMAL} is faster but may
 *       lose the last committed transactions on power loss; "nothing acknowledged is lost" is a product promise and
 *       the gateway commits little data, so durability wins over throughput. {@link GroupCommit} pays that fsync
 *       once per batch of concurrent transactions instead of once per transaction.
 *   <li>{@code wal_autocheckpoint=0} ({@link WalCheckpointer} checkpoints) and {@code journal_size_limit}.
 *   <li>{@code foreign_keys=ON}: transcripts cannot outlive their session.
 *   <li>{@code busy_timeout=5000}: another process (the CLI) may hold the write lock briefly; wait instead of failing.
 *   <li>transactions start with {@code BEGIN IMMEDIATE}, taking the write lock up front, so a read-then-write
 *       transaction cannot fail halfway with {@code SQLITE_BUSY} on lock upgrade.
 * </ul>
 *
 * <p>The writer pool holds one connection because SQLite allows one writer; the store's writes reach it through
 * {@link GroupCommit}'s single thread, and migrations borrow it directly. Reads use {@link #readOnly} connections
 * (pooled by {@link SqliteReaders}) which, in WAL mode, never wait for the writer and see every transaction committed
 * before they start.
 * Opening never creates tables or writes data; the directory is created with mode 0700 only when missing and an
 * existing directory's permissions are left alone. Stateless utility.
 */
final class SqliteDataSource {

    static final int BUSY_TIMEOUT_MILLIS = 5000;

    /**
     * The writer's automatic checkpoints: off. {@link WalCheckpointer} copies the log into the database file on its
     * own thread and connection, so no commit waits for a checkpoint.
     */
    static final int WAL_AUTOCHECKPOINT_PAGES = 0;

    /** After a checkpoint, a WAL file larger than this is truncated back to it. */
    static final int JOURNAL_SIZE_LIMIT_BYTES = 64 << 20;

    /**
     * Read connections. Reads are short and a virtual thread runs one without yielding, so about one per carrier
     * thread is busy at a time; a few more cover platform threads (CLI, backups) without growing memory much (each
     * connection has its own page cache).
     */
    static final int READERS = 4;

    private SqliteDataSource() {}

    /** Checks the location and opens the pool; the first connection is opened eagerly to fail fast. */
    static HikariDataSource open(Path file) {
        prepareLocation(file);
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // no store reads generated keys; the driver would otherwise compile a last_insert_rowid() query per INSERT
        sqlite.setGetGeneratedKeys(false);
        sqlite.setWalAutocheckpoint(WAL_AUTOCHECKPOINT_PAGES);
        sqlite.setJournalSizeLimit(JOURNAL_SIZE_LIMIT_BYTES);
        org.sqlite.SQLiteDataSource driver = new org.sqlite.SQLiteDataSource(sqlite);
        driver.setUrl(StoreUrl.SQLITE_PREFIX + file);

        HikariConfig pool = new HikariConfig();
        pool.setPoolName("openclaw-sqlite");
        pool.setDataSource(driver);
        pool.setMaximumPoolSize(1);
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(30_000);
        // nothing between the process and the file can drop the connection, and keeping it keeps its prepared
        // statements (GroupCommit caches them per physical connection)
        pool.setMaxLifetime(0);
        try {
            return new HikariDataSource(pool);
        } catch (RuntimeException e) {
            throw new StoreException(
                    "cannot open SQLite database " + file + ": " + rootMessage(e)
                            + ". If this file is not an OpenClaw database, move it away or set another storage URL;"
                            + " the file was not modified",
                    e);
        }
    }

    /**
     * The driver for read-only connections to a database that {@link #open} opened first (which switched it to WAL, a
     * setting stored in the file). Opens nothing by itself; {@link SqliteReaders} pools what it opens.
     */
    static DataSource readOnly(Path file) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setReadOnly(true);
        sqlite.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        org.sqlite.SQLiteDataSource driver = new org.sqlite.SQLiteDataSource(sqlite);
        driver.setUrl(StoreUrl.SQLITE_PREFIX + file);
        return driver;
    }

    /** Creates a missing state directory (0700) and checks that directory and file are writable. */
    static void prepareLocation(Path file) {
        Path dir = file.getParent();
        if (!Files.exists(dir)) {
            createDirectory(dir);
        }
        if (!Files.isDirectory(dir)) {
            throw new StoreException("SQLite state directory " + dir + " is not a directory; remove or rename it, or"
                    + " set another storage URL");
        }
        if (!Files.isWritable(dir) || !Files.isReadable(dir)) {
            throw new StoreException("SQLite state directory " + dir + " is not writable (SQLite creates its -wal and"
                    + " -shm files next to the database); give the gateway's user read/write access, e.g."
                    + " chmod u+rwx " + dir);
        }
        if (Files.exists(file)) {
            if (!Files.isRegularFile(file)) {
                throw new StoreException("SQLite database " + file + " is not a regular file; remove or rename it, or"
                        + " set another storage URL");
            }
            if (!Files.isWritable(file) || !Files.isReadable(file)) {
                throw new StoreException("SQLite database " + file + " is not writable; give the gateway's user"
                        + " read/write access, e.g. chmod u+rw " + file);
            }
        }
    }

    private static void createDirectory(Path dir) {
        try {
            try {
                Files.createDirectories(
                        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system (Windows): fall back to the platform's default permissions
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new StoreException(
                    "cannot create SQLite state directory " + dir + " (" + e + "); create it with write access for the"
                            + " gateway's user or set another storage URL",
                    e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
