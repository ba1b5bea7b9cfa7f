package openclaw.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigWatcherTest {

    @TempDir
    Path dir;

    private final List<OpenClawConfig> reloads = new CopyOnWriteArrayList<>();
    private final List<List<ConfigIssue>> rejections = new CopyOnWriteArrayList<>();

    private ConfigWatcher watcher(Path file, boolean polling) {
        ConfigWatcher watcher =
                new ConfigWatcher(file, Map.of(), reloads::add, rejections::add, polling, Duration.ofMillis(50));
        watcher.start();
        return watcher;
    }

    private static void replaceByRename(Path file, String text) throws Exception {
        Path temp = file.resolveSibling("openclaw.toml.swp");
        Files.writeString(temp, text);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void reloads_on_a_valid_edit_and_keeps_the_last_good_config_on_an_invalid_one() throws Exception {
        Path file = dir.resolve("openclaw.toml");
        Files.writeString(file, "[gateway]\nport = 1000\n");
        try (ConfigWatcher ignored = watcher(file, false)) {
            Files.writeString(file, "[gateway]\nport = 2000\n");
            await().atMost(Duration.ofSeconds(5)).until(() -> reloads.size() == 1);
            assertThat(reloads.get(0).gateway().port()).isEqualTo(2000);

            Files.writeString(file, "[gateway]\nport = 0\n");
            await().atMost(Duration.ofSeconds(5)).until(() -> rejections.size() == 1);
            assertThat(rejections.get(0)).singleElement().satisfies(i -> assertThat(i.path())
                    .isEqualTo("gateway.port"));

            // Back to the last good config: nothing changed, so no reload.
            Files.writeString(file, "[gateway]\nport = 2000 # same\n");
            Files.writeString(file, "[gateway]\nport = 3000\n");
            await().atMost(Duration.ofSeconds(5)).until(() -> reloads.size() == 2);
            assertThat(reloads).extracting(c -> c.gateway().port()).containsExactly(2000, 3000);
        }
    }

    @Test
    void sees_editors_that_replace_the_file_by_rename() throws Exception {
        Path file = dir.resolve("openclaw.toml");
        Files.writeString(file, "[gateway]\nport = 1000\n");
        try (ConfigWatcher ignored = watcher(file, false)) {
            replaceByRename(file, "[gateway]\nport = 4000\n");
            await().atMost(Duration.ofSeconds(5)).until(() -> reloads.size() == 1);
            replaceByRename(file, "[gateway\n");
            await().atMost(Duration.ofSeconds(5)).until(() -> rejections.size() == 1);
            replaceByRename(file, "[gateway]\nport = 4001\n");
            await().atMost(Duration.ofSeconds(5)).until(() -> reloads.size() == 2);
        }
        assertThat(reloads.get(1).gateway().port()).isEqualTo(4001);
    }

    @Test
    void polling_fallback_reloads_and_rejects_too() throws Exception {
        Path file = dir.resolve("openclaw.toml");
        Files.writeString(file, "[gateway]\nport = 1000\n");
        try (ConfigWatcher ignored = watcher(file, true)) {
            replaceByRename(file, "[gateway]\nport = 5000\n");
            await().atMost(Duration.ofSeconds(5)).until(() -> reloads.size() == 1);
            replaceByRename(file, "[gateway]\nprot = 5000\n");
            await().atMost(Duration.ofSeconds(5)).until(() -> rejections.size() == 1);
        }
        assertThat(reloads.get(0).gateway().port()).isEqualTo(5000);
    }
}
