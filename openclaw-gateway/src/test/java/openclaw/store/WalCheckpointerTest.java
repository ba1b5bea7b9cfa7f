package openclaw.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

class WalCheckpointerTest {

    @TempDir
    Path tmp;

    @Test
    void a_checkpoint_copies_the_log_into_the_database_file_while_the_writer_keeps_writing() throws Exception {
        Path file = tmp.resolve("db.sqlite");
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setWalAutocheckpoint(0);
        try (Connection writer = config.createConnection(StoreUrl.SQLITE_PREFIX + file);
                WalCheckpointer checkpointer = new WalCheckpointer(file, Duration.ofHours(1))) {
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

    private static void insert(Connection c, int rows) throws Exception {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?)")) {
            for (int i = 0; i < rows; i++) {
                p.setString(1, ("row " + i + " ").repeat(500)); // about one page each
                p.executeUpdate();
            }
        }
    }
}
