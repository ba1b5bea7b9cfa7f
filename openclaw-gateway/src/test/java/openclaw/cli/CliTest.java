package openclaw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import openclaw.lifecycle.BuildInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Cli.execute(
                args,
                Map.of("OPENCLAW_HOME", home.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void version_prints_name_version_and_sha() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString().strip()).isEqualTo(BuildInfo.current().versionLine());
    }

    @Test
    void no_command_is_a_usage_error() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("missing command");
    }

    @Test
    void unknown_commands_are_usage_errors() {
        assertThat(run("frobnicate")).isEqualTo(2);
    }

    @Test
    void config_set_then_get_round_trips_and_keeps_comments() throws Exception {
        Path file = home.resolve("openclaw.toml");
        Files.writeString(file, "# my gateway\n[gateway]\n# keep this\nport = 18789\n");
        assertThat(run("config", "set", "gateway.port", "18800"))
                .as(err.toString())
                .isZero();
        assertThat(run("config", "get", "gateway.port")).isZero();
        assertThat(out.toString()).contains("18800");
        assertThat(Files.readString(file))
                .contains("# my gateway")
                .contains("# keep this")
                .contains("18800");
    }

    @Test
    void config_get_shows_defaults_and_hides_secrets() throws Exception {
        assertThat(run("config", "get", "gateway.bind")).isZero();
        assertThat(out.toString().strip()).isEqualTo("\"loopback\"");
        Files.writeString(home.resolve("openclaw.toml"), "[gateway.auth]\ntoken = \"super-secret-token\"\n");
        out.reset();
        assertThat(run("config", "get", "gateway.auth.token")).isZero();
        assertThat(out.toString()).doesNotContain("super-secret-token");
        out.reset();
        assertThat(run("config", "get", "gateway.auth.token", "--reveal")).isZero();
        assertThat(out.toString()).contains("super-secret-token");
    }

    @Test
    void config_set_refuses_invalid_values_and_leaves_the_file_alone() throws Exception {
        Path file = home.resolve("openclaw.toml");
        Files.writeString(file, "[gateway]\nport = 18789\n");
        assertThat(run("config", "set", "gateway.port", "99999999")).isEqualTo(1);
        assertThat(err.toString()).contains("gateway.port").contains("not changed");
        assertThat(Files.readString(file)).isEqualTo("[gateway]\nport = 18789\n");
        assertThat(run("config", "set", "gateway.prot", "1")).isEqualTo(1);
        assertThat(err.toString()).contains("port");
    }

    @Test
    void config_validate_lists_every_problem() throws Exception {
        Files.writeString(home.resolve("openclaw.toml"), "[gateway]\nport = \"x\"\nbind = \"moon\"\nprot = 3\n");
        assertThat(run("config", "validate")).isEqualTo(1);
        assertThat(err.toString()).contains(":2:").contains(":3:").contains(":4:");
        err.reset();
        Files.writeString(home.resolve("openclaw.toml"), "[gateway]\nport = 18790\n");
        assertThat(run("config", "validate")).isZero();
        assertThat(out.toString()).contains("config OK");
    }

    @Test
    void doctor_reports_every_check_as_json() throws Exception {
        assertThat(run("doctor", "--json")).as(out + "" + err).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.path("ok").asBoolean()).isTrue();
        assertThat(report.path("checks").findValuesAsText("name"))
                .containsExactly("config", "stateDir", "storage", "port", "auth");
        assertThat(home.resolve("state")).doesNotExist();
    }

    @Test
    void doctor_fails_on_an_invalid_config_with_its_problems() throws Exception {
        Files.writeString(home.resolve("openclaw.toml"), "[gateway]\nport = 0\n");
        assertThat(run("doctor")).isEqualTo(1);
        assertThat(out.toString())
                .contains("FAIL config")
                .contains("gateway.port")
                .contains("doctor found problems");
    }

    @Test
    void completion_prints_a_bash_script_for_all_commands() {
        assertThat(run("completion", "bash")).isZero();
        assertThat(out.toString())
                .contains("complete -F")
                .contains("gateway")
                .contains("doctor")
                .contains("config");
        assertThat(run("completion", "fish")).isEqualTo(2);
    }

    @Test
    void status_without_a_gateway_exits_1() {
        // Point at a port nothing listens on, so a gateway running on this machine cannot answer.
        assertThat(run("--config", writeConfig("[gateway]\nport = 1\n").toString(), "gateway", "status"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("no gateway is running");
    }

    private Path writeConfig(String text) {
        try {
            return Files.writeString(home.resolve("other.toml"), text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
