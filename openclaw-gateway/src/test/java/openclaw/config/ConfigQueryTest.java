package openclaw.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigQueryTest {

    private static final OpenClawConfig CONFIG = ConfigLoaderTest.loaded("""
            [gateway.auth]
            token = "tok-123"
            [gateway.controlUi]
            allowedOrigins = ["https://a.example"]
            [storage]
            url = "jdbc:postgresql://db/oc?user=u&password=pw"
            """, Map.of());

    @Test
    void renders_defaults_as_toml_values() {
        assertThat(ConfigQuery.get(OpenClawConfig.DEFAULTS, "gateway.port", false))
                .contains("18789");
        assertThat(ConfigQuery.get(OpenClawConfig.DEFAULTS, "gateway.bind", false))
                .contains("\"loopback\"");
        assertThat(ConfigQuery.get(OpenClawConfig.DEFAULTS, "gateway.auth.mode", false))
                .contains("\"token\"");
        assertThat(ConfigQuery.get(OpenClawConfig.DEFAULTS, "logging.redactPatterns", false))
                .contains("[]");
        assertThat(ConfigQuery.get(CONFIG, "gateway.controlUi.allowedOrigins", false))
                .contains("[\"https://a.example\"]");
    }

    @Test
    void unknown_and_unset_keys_are_empty() {
        assertThat(ConfigQuery.get(OpenClawConfig.DEFAULTS, "gateway.nope", false))
                .isEmpty();
        assertThat(ConfigQuery.get(OpenClawConfig.DEFAULTS, "gateway.port.deeper", false))
                .isEmpty();
        assertThat(ConfigQuery.get(OpenClawConfig.DEFAULTS, "storage.url", false))
                .isEmpty();
    }

    @Test
    void secrets_are_masked_unless_revealed() {
        assertThat(ConfigQuery.get(CONFIG, "gateway.auth.token", false)).contains("\"***\"");
        assertThat(ConfigQuery.get(CONFIG, "gateway.auth.token", true)).contains("\"tok-123\"");
        assertThat(ConfigQuery.get(CONFIG, "storage.url", false))
                .contains("\"jdbc:postgresql://db/oc?user=u&password=***\"");
        assertThat(ConfigQuery.get(CONFIG, "storage.url", true))
                .contains("\"jdbc:postgresql://db/oc?user=u&password=pw\"");
    }

    @Test
    void tables_render_as_toml_documents_that_load_back() {
        String gateway = ConfigQuery.get(CONFIG, "gateway", false).orElseThrow();

        assertThat(gateway).isEqualTo("""
                        [gateway]
                        port = 18789
                        bind = "loopback"

                        [gateway.auth]
                        mode = "token"
                        token = "***"

                        [gateway.controlUi]
                        allowedOrigins = ["https://a.example"]""");
        assertThat(ConfigLoaderTest.loaded(gateway, Map.of()).gateway().auth().token())
                .contains("***");
    }
}
