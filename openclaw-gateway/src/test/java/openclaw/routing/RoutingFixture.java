package openclaw.routing;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import openclaw.config.ConfigLoader;
import openclaw.config.LoadResult;
import openclaw.config.OpenClawConfig;
import openclaw.store.AgentStore;
import openclaw.store.Store;
import openclaw.store.StoreSettings;
import openclaw.testkit.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A migrated SQLite store in a temp directory and a swappable config, as the gateway's hot reload provides it. */
abstract class RoutingFixture {

    @TempDir
    Path dir;

    final ManualClock clock = ManualClock.at(Instant.parse("2026-03-01T00:00:00Z"));
    final AtomicReference<OpenClawConfig> config = new AtomicReference<>(OpenClawConfig.DEFAULTS);
    Store store;

    @BeforeEach
    void openStore() {
        store = Store.open(new StoreSettings("jdbc:sqlite:" + dir.resolve("routing.sqlite"), clock));
        store.migrate();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    AgentStore agents() {
        return store.agents();
    }

    /** Replaces the current config with this TOML. */
    void config(String toml) {
        config.set(((LoadResult.Loaded) ConfigLoader.parse(toml, Map.of())).config());
    }

    /** Stores a binding one second after the previous one, so listing order is creation order. */
    void bind(String agentId, String channel, String accountId) {
        clock.advance(Duration.ofSeconds(1));
        store.agents().bind(agentId, channel, accountId);
    }
}
