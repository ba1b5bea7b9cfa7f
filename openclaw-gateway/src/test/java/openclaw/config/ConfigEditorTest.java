package openclaw.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigEditorTest {

    private static final String ORIGINAL = """
            # My gateway config
            [gateway]
            port   =   18789   # the usual port
            bind = "loopback"

            [gateway.auth]
            mode = "token"  # keep

            # logging below
            [logging]
            level = "info"
            """;

    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        Path file = dir.resolve("openclaw.toml");
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    @Test
    void replaces_an_existing_value_in_place_keeping_every_other_byte() throws Exception {
        Path file = write(ORIGINAL);

        ConfigEditor.set(file, "gateway.port", "19000", Map.of());

        assertThat(Files.readString(file)).isEqualTo(ORIGINAL.replace("=   18789   #", "=   19000   #"));
        assertThat(ConfigLoader.loadOrThrow(file, Map.of()).gateway().port()).isEqualTo(19000);
    }

    @Test
    void replaces_a_dotted_key_in_place() throws Exception {
        Path file = write("gateway.auth.mode = \"token\" # dotted\n");

        ConfigEditor.set(file, "gateway.auth.mode", "none", Map.of());

        assertThat(Files.readString(file)).isEqualTo("gateway.auth.mode = \"none\" # dotted\n");
    }

    @Test
    void inserts_a_new_key_at_the_end_of_its_existing_table() throws Exception {
        Path file = write(ORIGINAL);

        ConfigEditor.set(file, "gateway.auth.token", "s3cr\"t", Map.of());

        assertThat(Files.readString(file))
                .isEqualTo(ORIGINAL.replace(
                        "mode = \"token\"  # keep\n", "mode = \"token\"  # keep\ntoken = \"s3cr\\\"t\"\n"));
        assertThat(ConfigLoader.loadOrThrow(file, Map.of()).gateway().auth().token())
                .contains("s3cr\"t");
    }

    @Test
    void appends_a_new_table_when_missing() throws Exception {
        Path file = write(ORIGINAL);

        ConfigEditor.set(file, "gateway.controlUi.allowedOrigins", "[\"https://a.example\", \"*\"]", Map.of());
        ConfigEditor.set(file, "storage.url", "jdbc:sqlite:/tmp/x.sqlite", Map.of());

        assertThat(Files.readString(file))
                .isEqualTo(ORIGINAL
                        + "\n[gateway.controlUi]\nallowedOrigins = [\"https://a.example\", \"*\"]\n"
                        + "\n[storage]\nurl = \"jdbc:sqlite:/tmp/x.sqlite\"\n");
    }

    @Test
    void rejects_invalid_values_without_touching_the_file() throws Exception {
        Path file = write(ORIGINAL);

        assertThatThrownBy(() -> ConfigEditor.set(file, "gateway.port", "70000", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("gateway.port: 70000 is out of range");
        assertThatThrownBy(() -> ConfigEditor.set(file, "gateway.port", "abc", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("expected an integer");
        assertThatThrownBy(() -> ConfigEditor.set(file, "gateway.auth.mode", "tokn", Map.of()))
                .hasMessageContaining("expected one of \"token\", \"none\"");
        assertThatThrownBy(() -> ConfigEditor.set(file, "gateway.controlUi.allowedOrigins", "x", Map.of()))
                .hasMessageContaining("expected a list");
        assertThat(Files.readString(file)).isEqualTo(ORIGINAL);
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void unknown_keys_are_rejected_with_did_you_mean() throws Exception {
        Path file = write(ORIGINAL);

        assertThatThrownBy(() -> ConfigEditor.set(file, "gateway.prot", "1", Map.of()))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.issues()).singleElement().satisfies(i -> {
                            assertThat(i.path()).isEqualTo("gateway.prot");
                            assertThat(i.message()).isEqualTo("unknown key (did you mean \"port\"?)");
                        }));
        assertThatThrownBy(() -> ConfigEditor.set(file, "gateway", "1", Map.of()))
                .hasMessageContaining("is a table");
    }

    @Test
    void keeps_the_file_permissions() throws Exception {
        Path file = write(ORIGINAL);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        ConfigEditor.set(file, "logging.level", "debug", Map.of());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-r-----");
    }

    @Test
    void creates_a_missing_file_with_mode_0600_in_a_0700_directory() throws Exception {
        Path file = dir.resolve("home/openclaw.toml");

        ConfigEditor.set(file, "gateway.port", "1234", Map.of());

        assertThat(Files.readString(file)).isEqualTo("[gateway]\nport = 1234\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void coerces_values_to_the_declared_type() {
        String text = "[logging]\n";

        assertThat(ConfigEditor.edit(text, "logging.maxFiles", "3")).isEqualTo("[logging]\nmaxFiles = 3\n");
        assertThat(ConfigEditor.edit("a = 1", "b", "2")).isEqualTo("a = 1\nb = 2\n");
    }

    @Test
    void env_references_are_validated_with_the_given_environment() throws Exception {
        Path file = write(ORIGINAL);

        assertThatThrownBy(() -> ConfigEditor.set(file, "gateway.auth.token", "${env:NOPE}", Map.of()))
                .hasMessageContaining("environment variable \"NOPE\" is not set");
        ConfigEditor.set(file, "gateway.auth.token", "${env:TOK}", Map.of("TOK", "x"));
        assertThat(Files.readString(file)).contains("token = \"${env:TOK}\"");
    }
}
