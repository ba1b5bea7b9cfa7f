package openclaw.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigHotReloadIT {

    @TempDir
    Path home;

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Logger reloaderLog = Logger.getLogger(ConfigReloader.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            warnings.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureLogs() {
        reloaderLog.addHandler(capture);
    }

    @AfterEach
    void releaseLogs() {
        reloaderLog.removeHandler(capture);
    }

    private static int status(TestGateway gateway, String token) {
        return gateway.get("/__openclaw__/status", "Authorization", "Bearer " + token)
                .statusCode();
    }

    @Test
    void a_token_change_applies_without_restart_and_a_bad_edit_keeps_the_last_good_config() throws Exception {
        Path config = home.resolve("openclaw.toml");
        try (TestGateway gateway = TestGateway.start(home, "[gateway.auth]\ntoken = \"first-token-123456\"\n")) {
            assertThat(status(gateway, "first-token-123456")).isEqualTo(200);

            Files.writeString(config, "# rotated\n[gateway.auth]\ntoken = \"second-token-123456\"\n");
            await().atMost(Duration.ofSeconds(10)).until(() -> status(gateway, "second-token-123456") == 200);
            assertThat(status(gateway, "first-token-123456")).isEqualTo(401);

            Files.writeString(config, "[gateway.auth]\ntoken = \"third-token-123456\"\nbogus = [\n");
            await().atMost(Duration.ofSeconds(10)).until(() -> warnings.stream()
                    .anyMatch(w -> w.contains("keeping the last good config") && w.contains(config + ":")));
            assertThat(status(gateway, "second-token-123456")).isEqualTo(200);
            assertThat(status(gateway, "third-token-123456")).isEqualTo(401);
            assertThat(gateway.get("/readyz").statusCode()).isEqualTo(200);
            assertThat(String.join("\n", warnings)).doesNotContain("third-token-123456");

            // The port is pinned by the --port override in this test; a bind change needs a restart.
            Files.writeString(
                    config, "[gateway]\nbind = \"127.0.0.2\"\n[gateway.auth]\ntoken = \"second-token-123456\"\n");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> warnings.stream().anyMatch(w -> w.contains("take effect after a restart")));
            assertThat(gateway.process.config().gateway().bind().host()).isEqualTo("127.0.0.1");
            assertThat(gateway.get("/readyz").statusCode()).isEqualTo(200);
        }
    }
}
