package openclaw.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigRecordsTest {

    @Test
    void bind_maps_names_to_hosts_and_detects_loopback() {
        assertThat(Bind.LOOPBACK.host()).isEqualTo("127.0.0.1");
        assertThat(new Bind("lan").host()).isEqualTo("0.0.0.0");
        assertThat(new Bind("192.168.1.2").host()).isEqualTo("192.168.1.2");
        assertThat(new Bind("127.0.0.2").isLoopback()).isTrue();
        assertThat(new Bind("::1").isLoopback()).isTrue();
        assertThat(new Bind("lan").isLoopback()).isFalse();
        assertThat(new Bind("10.0.0.1").isLoopback()).isFalse();
        assertThat(new Bind("example.com").isValid()).isFalse();
        assertThat(new Bind("300.1.1.1").isValid()).isFalse();
        assertThat(new Bind("fe80::1").isValid()).isTrue();
    }

    @Test
    void auth_to_string_never_prints_the_token() {
        GatewayAuthConfig auth = new GatewayAuthConfig(AuthMode.TOKEN, Optional.of("sekrit"));

        assertThat(auth.toString()).doesNotContain("sekrit").contains("***");
        assertThat(OpenClawConfig.DEFAULTS
                        .withGateway(GatewayConfig.DEFAULTS.withAuth(auth))
                        .toString())
                .doesNotContain("sekrit");
        assertThat(auth.redacted().token()).contains("***");
        assertThat(auth.token()).contains("sekrit");
    }

    @Test
    void storage_hides_passwords_in_urls() {
        StorageConfig query =
                new StorageConfig(Optional.of("jdbc:postgresql://h:5432/db?user=x&password=pw1&ssl=true"));
        StorageConfig userInfo = new StorageConfig(Optional.of("jdbc:postgresql://x:pw2@h/db"));

        assertThat(query.toString()).doesNotContain("pw1").contains("password=***&ssl=true");
        assertThat(userInfo.toString()).doesNotContain("pw2").contains("//x:***@h/db");
        assertThat(userInfo.redacted().url()).contains("jdbc:postgresql://x:***@h/db");
    }

    @Test
    void null_components_become_defaults_and_lists_are_copied() {
        List<String> origins = new ArrayList<>(List.of("*"));
        ControlUiConfig ui = new ControlUiConfig(origins);
        origins.add("https://late.example");

        assertThat(ui.allowedOrigins()).containsExactly("*");
        assertThat(new OpenClawConfig(null, null, null, null, null, null, null, null))
                .isEqualTo(OpenClawConfig.DEFAULTS);
        assertThat(new GatewayAuthConfig(null, null)).isEqualTo(GatewayAuthConfig.DEFAULTS);
    }

    @Test
    void control_ui_rejects_origins_with_paths() {
        List<ConfigIssue> issues = new ArrayList<>();

        new ControlUiConfig(List.of("https://ok.example:8443", "https://bad.example/path", "nope"))
                .collectIssues("gateway.controlUi", issues);

        assertThat(issues)
                .extracting(ConfigIssue::path)
                .containsExactly("gateway.controlUi.allowedOrigins[1]", "gateway.controlUi.allowedOrigins[2]");
    }
}
