package openclaw.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    static OpenClawConfig loaded(String toml, Map<String, String> env) {
        LoadResult result = ConfigLoader.parse(toml, env);
        assertThat(result).isInstanceOf(LoadResult.Loaded.class);
        return ((LoadResult.Loaded) result).config();
    }

    static List<ConfigIssue> errors(String toml, Map<String, String> env) {
        LoadResult result = ConfigLoader.parse(toml, env);
        assertThat(result).isInstanceOf(LoadResult.Rejected.class);
        return ((LoadResult.Rejected) result).errors();
    }

    @Test
    void empty_text_yields_the_defaults() {
        assertThat(loaded("", Map.of())).isEqualTo(OpenClawConfig.DEFAULTS);
        assertThat(OpenClawConfig.DEFAULTS.gateway().port()).isEqualTo(18789);
        assertThat(OpenClawConfig.DEFAULTS.gateway().bind()).isEqualTo(Bind.LOOPBACK);
        assertThat(OpenClawConfig.DEFAULTS.gateway().auth().mode()).isEqualTo(AuthMode.TOKEN);
        assertThat(OpenClawConfig.DEFAULTS.gateway().auth().token()).isEmpty();
        assertThat(OpenClawConfig.DEFAULTS.logging().maxFiles()).isEqualTo(5);
        assertThat(OpenClawConfig.DEFAULTS.logging().maxFileBytes()).isEqualTo(10_485_760L);
    }

    @Test
    void missing_file_yields_defaults_with_the_environment_token() {
        LoadResult result = ConfigLoader.load(dir.resolve("nope.toml"), Map.of("OPENCLAW_GATEWAY_TOKEN", "envtok"));

        assertThat(result).isInstanceOf(LoadResult.Loaded.class);
        OpenClawConfig config = ((LoadResult.Loaded) result).config();
        assertThat(config.gateway().auth().token()).contains("envtok");
        assertThat(config.gateway().port()).isEqualTo(18789);
    }

    @Test
    void absent_keys_take_defaults_while_present_keys_are_bound() {
        OpenClawConfig config = loaded("""
                [gateway]
                port = 19000
                bind = "lan"
                [gateway.auth]
                mode = "none"
                [gateway.controlUi]
                allowedOrigins = ["https://chat.example.com", "*"]
                [storage]
                url = "jdbc:postgresql://db:5432/oc?user=x"
                [logging]
                level = "debug"
                consoleStyle = "pretty"
                maxFiles = 2
                redactPatterns = ["sk-[a-z]+"]
                """, Map.of());

        assertThat(config.gateway().port()).isEqualTo(19000);
        assertThat(config.gateway().bind().host()).isEqualTo("0.0.0.0");
        assertThat(config.gateway().auth().mode()).isEqualTo(AuthMode.NONE);
        assertThat(config.gateway().controlUi().allowedOrigins()).containsExactly("https://chat.example.com", "*");
        assertThat(config.storage().url()).contains("jdbc:postgresql://db:5432/oc?user=x");
        assertThat(config.logging().level()).isEqualTo(LogLevel.DEBUG);
        assertThat(config.logging().consoleLevel()).isEqualTo(LogLevel.INFO);
        assertThat(config.logging().consoleStyle()).isEqualTo(ConsoleStyle.PRETTY);
        assertThat(config.logging().maxFiles()).isEqualTo(2);
        assertThat(config.logging().maxFileBytes()).isEqualTo(LoggingConfig.DEFAULT_MAX_FILE_BYTES);
        assertThat(config.logging().file()).isEmpty();
    }

    @Test
    void effective_paths_fall_back_to_the_home_directory() {
        OpenClawHome home = new OpenClawHome(dir);

        assertThat(OpenClawConfig.DEFAULTS.storage().effectiveUrl(home)).isEqualTo(home.defaultStorageUrl());
        assertThat(OpenClawConfig.DEFAULTS.logging().effectiveFile(home))
                .isEqualTo(home.logsDir().resolve("gateway.log").toString());
    }

    @Test
    void invalid_toml_is_one_issue_with_line_column_and_expectation() {
        assertThat(errors("[gateway]\nport = 1\nbind =\n", Map.of()))
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.line()).isEqualTo(3);
                    assertThat(i.column()).isEqualTo(7);
                    assertThat(i.message()).isEqualTo("expected a value after '=' but found end of line");
                });
        assertThat(errors("[gateway\nport = 1", Map.of())).singleElement().satisfies(i -> assertThat(i.message())
                .contains("expected ']'"));
        assertThat(errors("[gateway]\nbind = \"lan\nport = 1", Map.of()))
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.line()).isEqualTo(2);
                    assertThat(i.message()).contains("unterminated string");
                });
        assertThat(errors("[gateway]\nport = 1\nport = 2", Map.of()))
                .singleElement()
                .satisfies(i -> assertThat(i.message()).contains("duplicate key"));
        assertThat(errors("[logging]\nlevel = info", Map.of())).singleElement().satisfies(i -> assertThat(i.message())
                .isEqualTo("expected a value but found unquoted text 'info' (quote strings)"));
        assertThat(errors("[gateway]\nport = [1, 2", Map.of())).hasSize(1);
        assertThat(errors("[gateway]\nport = 1 2", Map.of())).singleElement().satisfies(i -> assertThat(i.message())
                .contains("expected end of line"));
    }

    @Test
    void unknown_keys_are_reported_with_position_and_did_you_mean() {
        List<ConfigIssue> errors = errors("# comment\n[gateway]\n  prot = 1\n[loging]\nlevel = \"info\"\n", Map.of());

        assertThat(errors).hasSize(2);
        assertThat(errors.get(0))
                .isEqualTo(new ConfigIssue("gateway.prot", 3, 3, "unknown key (did you mean \"port\"?)"));
        assertThat(errors.get(1).path()).isEqualTo("loging");
        assertThat(errors.get(1).line()).isEqualTo(4);
        assertThat(errors.get(1).message()).isEqualTo("unknown key (did you mean \"logging\"?)");
        assertThat(errors.get(0).describe(Path.of("/home/u/.openclaw/openclaw.toml")))
                .isEqualTo("/home/u/.openclaw/openclaw.toml:3:3: gateway.prot: unknown key (did you mean \"port\"?)");
    }

    @Test
    void unrelated_unknown_keys_list_the_known_keys() {
        assertThat(errors("[gateway]\nzzzzzz = 1", Map.of())).singleElement().satisfies(i -> assertThat(i.message())
                .isEqualTo("unknown key (known keys: port, bind, auth, controlUi)"));
    }

    @Test
    void reports_all_problems_at_once_with_their_lines() {
        String toml = """
                [gateway]
                port = 70000
                bind = "my-host"
                extra = true
                [gateway.auth]
                mode = "tokn"
                token = 12345
                [gateway.controlUi]
                allowedOrigins = "https://a.example"
                [logging]
                level = "verbose"
                consoleStyle = 3
                maxFileBytes = 0
                maxFiles = 0
                redactPatterns = ["(unclosed"]
                [storage]
                url = "mysql://x"
                """;

        List<ConfigIssue> errors = errors(toml, Map.of());

        assertThat(errors)
                .extracting(ConfigIssue::path, ConfigIssue::line)
                .containsExactly(
                        tuple("gateway.port", 2),
                        tuple("gateway.bind", 3),
                        tuple("gateway.extra", 4),
                        tuple("gateway.auth.mode", 6),
                        tuple("gateway.auth.token", 7),
                        tuple("gateway.controlUi.allowedOrigins", 9),
                        tuple("logging.level", 11),
                        tuple("logging.consoleStyle", 12),
                        tuple("logging.maxFileBytes", 13),
                        tuple("logging.maxFiles", 14),
                        tuple("logging.redactPatterns[0]", 15),
                        tuple("storage.url", 17));
        assertThat(errors.get(0).message()).isEqualTo("70000 is out of range; expected 1..65535");
        assertThat(errors.get(3).message()).isEqualTo("\"tokn\" is not allowed; expected one of \"token\", \"none\"");
        assertThat(errors.get(4).message()).isEqualTo("expected a string but found an integer");
        assertThat(errors.get(6).message()).contains("\"trace\", \"debug\", \"info\", \"warn\", \"error\"");
    }

    @Test
    void error_messages_never_contain_secret_values() {
        List<ConfigIssue> errors =
                errors("[gateway.auth]\ntoken = [\"sekrit-value\"]\n[storage]\nurl = \"x://u:sekrit-pw@h\"", Map.of());

        assertThat(errors).hasSize(2);
        assertThat(errors).allSatisfy(i -> assertThat(i.message()).doesNotContain("sekrit"));
        assertThatThrownBy(() -> {
                    Path file = dir.resolve("openclaw.toml");
                    Files.writeString(file, "[gateway.auth]\ntoken = [\"sekrit-value\"]\n");
                    ConfigLoader.loadOrThrow(file, Map.of());
                })
                .isInstanceOf(ConfigException.class)
                .hasMessageNotContaining("sekrit")
                .hasMessageContaining("openclaw.toml:2:1: gateway.auth.token: expected a string but found an array");
    }

    @Test
    void load_or_throw_lists_every_issue_with_file_line_and_column() throws Exception {
        Path file = dir.resolve("openclaw.toml");
        Files.writeString(file, "[gateway]\nport = 0\nprot = 1\n");

        assertThatThrownBy(() -> ConfigLoader.loadOrThrow(file, Map.of()))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.issues()).hasSize(2))
                .hasMessageContaining(file + ":2:1: gateway.port: 0 is out of range")
                .hasMessageContaining(file + ":3:1: gateway.prot: unknown key");
    }

    @Test
    void env_references_resolve_in_any_string() {
        OpenClawConfig config = loaded("""
                [gateway]
                port = "${env:PORT}"
                [gateway.auth]
                token = "${env:TOK}"
                [gateway.controlUi]
                allowedOrigins = ["https://${env:HOST}"]
                """, Map.of("PORT", "1234", "TOK", "abc", "HOST", "chat.example.com"));

        assertThat(config.gateway().port()).isEqualTo(1234);
        assertThat(config.gateway().auth().token()).contains("abc");
        assertThat(config.gateway().controlUi().allowedOrigins()).containsExactly("https://chat.example.com");
    }

    @Test
    void missing_env_variable_is_an_error_naming_variable_and_key() {
        assertThat(errors("[gateway.auth]\ntoken = \"${env:NOPE}\"\n", Map.of()))
                .singleElement()
                .isEqualTo(new ConfigIssue("gateway.auth.token", 2, 1, "environment variable \"NOPE\" is not set"));
    }

    @Test
    void environment_token_wins_over_the_file_token() {
        OpenClawConfig config =
                loaded("[gateway.auth]\ntoken = \"file\"\n", Map.of(ConfigLoader.TOKEN_ENV, "from-env"));

        assertThat(config.gateway().auth().token()).isEqualTo(Optional.of("from-env"));
    }

    @Test
    void enum_values_are_case_insensitive_and_ipv6_binds_are_accepted() {
        OpenClawConfig config = loaded("[logging]\nlevel = \"WARN\"\n[gateway]\nbind = \"::1\"\n", Map.of());

        assertThat(config.logging().level()).isEqualTo(LogLevel.WARN);
        assertThat(config.gateway().bind().isLoopback()).isTrue();
    }
}
