package openclaw.server;

import java.util.concurrent.atomic.AtomicReference;
import openclaw.config.OpenClawConfig;
import openclaw.http.GatewayHttpServer;
import openclaw.lifecycle.BuildInfo;
import openclaw.lifecycle.GatewayLifecycle;
import openclaw.lifecycle.GatewayStatus;
import openclaw.store.MigrationStatus;
import openclaw.store.Store;

/** Builds {@link GatewayStatus} on demand from the live parts of the process. */
final class StatusSnapshot {

    private final GatewayLifecycle lifecycle;
    private final AtomicReference<Store> store;
    private final AtomicReference<GatewayHttpServer> http;
    private volatile OpenClawConfig config;

    StatusSnapshot(
            GatewayLifecycle lifecycle,
            OpenClawConfig config,
            AtomicReference<Store> store,
            AtomicReference<GatewayHttpServer> http) {
        this.lifecycle = lifecycle;
        this.config = config;
        this.store = store;
        this.http = http;
    }

    void config(OpenClawConfig newConfig) {
        this.config = newConfig;
    }

    GatewayStatus current() {
        OpenClawConfig c = config;
        BuildInfo build = BuildInfo.current();
        Store s = store.get();
        GatewayStatus.Storage storage;
        if (s == null) {
            storage = new GatewayStatus.Storage("opening", "", 0, 0);
        } else {
            MigrationStatus m = s.migrationStatus();
            storage = new GatewayStatus.Storage(
                    s.kind().name().toLowerCase(java.util.Locale.ROOT),
                    s.describe(),
                    m.appliedVersion(),
                    m.latestVersion());
        }
        GatewayHttpServer h = http.get();
        return new GatewayStatus(
                build.version(),
                build.gitSha(),
                ProcessHandle.current().pid(),
                lifecycle.uptimeMs(),
                lifecycle.phase().name().toLowerCase(java.util.Locale.ROOT),
                c.gateway().bind().host(),
                h == null ? c.gateway().port() : h.port(),
                c.gateway().auth().mode().name().toLowerCase(java.util.Locale.ROOT),
                storage);
    }
}
