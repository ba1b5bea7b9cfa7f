package openclaw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands that do not need the server must not start it or load its classes. */
class LightCommandsIT {

    @TempDir
    Path home;

    @TempDir
    Path scratch;

    private String classesLoadedBy(String... args) throws Exception {
        Path out = scratch.resolve("classes.log");
        Process p = GatewayProcessHandle.start(home, out, List.of("-verbose:class"), args);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(out)).isZero();
        return Files.readString(out);
    }

    @Test
    void version_and_config_get_load_no_server_storage_or_metrics_classes() throws Exception {
        for (String[] command : List.of(new String[] {"--version"}, new String[] {"config", "get", "gateway.port"})) {
            String loaded = classesLoadedBy(command);
            assertThat(loaded).contains("openclaw.cli.");
            assertThat(loaded)
                    .doesNotContain("io.helidon.")
                    .doesNotContain("org.flywaydb.")
                    .doesNotContain("com.zaxxer.")
                    .doesNotContain("org.sqlite.")
                    .doesNotContain("org.postgresql.")
                    .doesNotContain("io.micrometer.")
                    .doesNotContain("openclaw.server.GatewayProcess ");
        }
        assertThat(home.resolve("state")).doesNotExist();
    }
}
