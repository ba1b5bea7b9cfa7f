package openclaw.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteLocationTest {

    @TempDir
    Path tmp;

    private static Store open(Path file) {
        return Store.open(StoreSettings.of("jdbc:sqlite:" + file));
    }

    @Test
    void a_missing_state_directory_is_created_with_mode_0700() throws IOException {
        Path state = tmp.resolve("home").resolve("state");

        try (Store store = open(state.resolve("openclaw.sqlite"))) {
            store.check();
        }

        assertThat(Files.getPosixFilePermissions(state)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void an_existing_state_directory_keeps_its_permissions() throws IOException {
        Path state = Files.createDirectory(tmp.resolve("state"));
        Set<PosixFilePermission> before = PosixFilePermissions.fromString("rwxr-xr-x");
        Files.setPosixFilePermissions(state, before);

        try (Store store = open(state.resolve("openclaw.sqlite"))) {
            store.migrate();
        }

        assertThat(Files.getPosixFilePermissions(state)).isEqualTo(before);
    }

    @Test
    void a_state_directory_that_cannot_be_created_is_named_in_the_error() throws IOException {
        Path blocker = Files.writeString(tmp.resolve("blocker"), "a file, not a directory");
        Path state = blocker.resolve("state");

        assertThatThrownBy(() -> open(state.resolve("openclaw.sqlite")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot create SQLite state directory " + state);
    }

    @Test
    void a_state_path_that_is_a_file_is_named_in_the_error() throws IOException {
        Path state = Files.writeString(tmp.resolve("state"), "oops");

        assertThatThrownBy(() -> open(state.resolve("openclaw.sqlite")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("SQLite state directory " + state + " is not a directory");
    }

    @Test
    void a_database_path_that_is_a_directory_is_named_in_the_error() throws IOException {
        Path file = Files.createDirectories(tmp.resolve("state").resolve("openclaw.sqlite"));

        assertThatThrownBy(() -> open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("SQLite database " + file + " is not a regular file");
    }

    @Test
    void a_file_that_is_not_a_database_is_named_and_left_byte_identical() throws IOException {
        Path file = Files.createDirectories(tmp.resolve("state")).resolve("openclaw.sqlite");
        byte[] content = "definitely not SQLite, but someone's precious notes\n"
                .repeat(200)
                .getBytes();
        Files.write(file, content);

        assertThatThrownBy(() -> open(file).migrate())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot open SQLite database " + file)
                .hasMessageContaining("not a database");

        assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }

    @Test
    void an_unwritable_state_directory_is_named_and_the_database_stays_byte_identical() throws IOException {
        Path state = Files.createDirectory(tmp.resolve("state"));
        Path file = state.resolve("openclaw.sqlite");
        try (Store store = open(file)) {
            store.migrate();
            store.keyValues().put("ns", "k", "v");
        }
        byte[] before = Files.readAllBytes(file);
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("r-x------"));
        try {
            // root ignores permission bits, so the check can only be exercised as an ordinary user
            assumeThat(Files.isWritable(state))
                    .as("permission bits are enforced")
                    .isFalse();

            assertThatThrownBy(() -> open(file))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("SQLite state directory " + state + " is not writable");
            assertThat(Files.readAllBytes(file)).isEqualTo(before);
        } finally {
            Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void migrate_refuses_a_foreign_database_and_keeps_its_data() throws Exception {
        Path file = Files.createDirectories(tmp.resolve("state")).resolve("openclaw.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE notes (body TEXT)");
            s.execute("INSERT INTO notes VALUES ('keep me')");
        }

        try (Store store = open(file)) {
            assertThat(store.migrationStatus().appliedVersion()).isZero();
            assertThatThrownBy(store::migrate)
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("sqlite " + file)
                    .hasMessageContaining("No data was deleted");
        }

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT group_concat(name) FROM sqlite_master WHERE type = 'table'")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("notes");
        }
    }
}
