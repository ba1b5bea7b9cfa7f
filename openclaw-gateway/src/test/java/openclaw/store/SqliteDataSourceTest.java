package openclaw.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDataSourceTest {

    @TempDir
    Path tmp;

    @Test
    void pooled_connections_use_wal_full_sync_foreign_keys_and_a_busy_timeout() throws SQLException {
        try (HikariDataSource pool = SqliteDataSource.open(tmp.resolve("openclaw.sqlite"));
                Connection c = pool.getConnection()) {
            assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(c, "synchronous")).isEqualTo("2");
            assertThat(pragma(c, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(c, "busy_timeout")).isEqualTo("5000");
            assertThat(pragma(c, "wal_autocheckpoint")).isEqualTo("0"); // WalCheckpointer does it
            assertThat(pool.getMaximumPoolSize()).isEqualTo(1);
        }
    }

    @Test
    void read_connections_cannot_write() throws SQLException {
        Path file = tmp.resolve("openclaw.sqlite");
        try (HikariDataSource pool = SqliteDataSource.open(file);
                Connection writer = pool.getConnection();
                Statement w = writer.createStatement()) {
            w.execute("CREATE TABLE t (x INTEGER)");
            try (Connection reader = SqliteDataSource.readOnly(file).getConnection();
                    Statement r = reader.createStatement()) {
                assertThat(pragma(reader, "journal_mode")).isEqualTo("wal");
                assertThatThrownBy(() -> r.execute("INSERT INTO t VALUES (1)")).hasMessageContaining("readonly");
            }
        }
    }

    private static String pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet row = s.executeQuery("PRAGMA " + name)) {
            row.next();
            return row.getString(1);
        }
    }
}
