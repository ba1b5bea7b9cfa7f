package openclaw.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

class WalCheckpointerTest {

    /** A low restart threshold, so three seconds of writes restart the log many times. */
    private static final int RESTART_AT = 128;

    private static final long PAGE = 4096;

    @TempDir
    Path tmp;

    @Test
    void a_checkpoint_copies_the_log_into_the_database_file_while_the_writer_keeps_writing() throws Exception {
        Path file = tmp.resolve("db.sqlite");
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setWalAutocheckpoint(0);
        try (Connection writer = config.createConnection(StoreUrl.SQLITE_PREFIX + file);
                WalCheckpointer checkpointer =
                        new WalCheckpointer(file, Duration.ofHours(1), WalCheckpointer.RESTART_FRAMES, () -> {})) {
            try (Statement s = writer.createStatement()) {
                s.execute("CREATE TABLE t (v TEXT)");
            }
            insert(writer, 300);
            long before = Files.size(file);

            WalCheckpointer.Result result = checkpointer.checkpointNow();

            assertThat(result.busy()).isFalse();
            assertThat(result.logFrames()).isGreaterThan(250);
            assertThat(result.copiedFrames()).isEqualTo(result.logFrames());
            assertThat(Files.size(file)).isGreaterThan(before + 1_000_000);
            insert(writer, 10); // the writer goes on with its own connection, the log restarted
            try (Connection reader = config.createConnection(StoreUrl.SQLITE_PREFIX + file);
                    Statement s = reader.createStatement();
                    ResultSet r = s.executeQuery("SELECT COUNT(*) FROM t")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(310);
            }
            assertThat(checkpointer.checkpointNow().logFrames()).isLessThan(result.logFrames());
        }
    }

    @Test
    void under_steady_writes_and_reads_the_writer_restarts_the_log_so_it_stays_short() throws Exception {
        Steady restarted = steadyLoad(true);
        Steady growing = steadyLoad(false);

        // without restarts the log file holds every page written; with them it is reused from its start
        assertThat(growing.logBytes()).isGreaterThan(growing.rows() * PAGE);
        assertThat(restarted.rows()).isGreaterThan(5L * RESTART_AT);
        assertThat(restarted.logBytes() / restarted.rows()).isLessThan(growing.logBytes() / growing.rows() / 3);
        assertThat(restarted.rows()).isEqualTo(restarted.written()); // nothing lost on the way
    }

    /** What {@link #steadyLoad} saw: rows written (about a page each), rows read back, the log file's size. */
    private record Steady(long written, long rows, long logBytes) {}

    /** Three seconds of one-page inserts through group commit with readers beside them, checkpointing every 100 ms. */
    private Steady steadyLoad(boolean restart) throws Exception {
        Path file = tmp.resolve((restart ? "restarted" : "growing") + ".sqlite");
        try (var pool = SqliteDataSource.open(file);
                GroupCommit writer = new GroupCommit(pool, "test-writer");
                SqliteReaders readers = new SqliteReaders(SqliteDataSource.readOnly(file), 2)) {
            writer.run(c -> {
                Jdbc.execute(c, "CREATE TABLE t (v TEXT)");
                return null;
            });
            Runnable restartLog =
                    restart ? () -> writer.between(c -> readers.paused(() -> WalCheckpointer.restart(c))) : () -> {};
            try (WalCheckpointer checkpointer =
                    new WalCheckpointer(file, Duration.ofMillis(100), RESTART_AT, restartLog)) {
                AtomicLong inserted = new AtomicLong();
                long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                // platform threads: readers looping without a pause would keep writers on virtual threads waiting
                try (var threads = Executors.newCachedThreadPool()) {
                    for (int i = 0; i < 4; i++) {
                        threads.submit(() -> {
                            while (System.nanoTime() < end) {
                                writer.run(c -> Jdbc.update(c, "INSERT INTO t VALUES (?)", "x".repeat(3500)));
                                inserted.incrementAndGet();
                                Thread.sleep(1); // steady, not flat out: the checkpoints keep up as in a gateway
                            }
                            return null;
                        });
                        threads.submit(() -> {
                            while (System.nanoTime() < end) {
                                readers.run(c -> Jdbc.query(c, "SELECT max(rowid) FROM t", r -> r.getLong(1)));
                            }
                            return null;
                        });
                    }
                }
                long rows = readers.run(c -> Jdbc.query(c, "SELECT COUNT(*) FROM t", r -> r.getLong(1)))
                        .getFirst();
                return new Steady(inserted.get(), rows, Files.size(Path.of(file + "-wal")));
            }
        }
    }

    private static void insert(Connection c, int rows) throws Exception {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?)")) {
            for (int i = 0; i < rows; i++) {
                p.setString(1, ("row " + i + " ").repeat(500)); // about one page each
                p.executeUpdate();
            }
        }
    }
}
