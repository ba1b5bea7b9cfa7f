package openclaw.server;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import openclaw.auth.GatewayAuth;
import openclaw.auth.GatewayToken;
import openclaw.auth.GatewayTokens;
import openclaw.config.AuthMode;
import openclaw.config.ConfigIssue;
import openclaw.config.OpenClawConfig;
import openclaw.logging.LogSetup;

/**
 * Applies a changed config file to the running gateway: auth mode and token, logging levels and redaction take
 * effect at once; listener address and storage need a restart, which is logged. An invalid edit is logged with all
 * its problems and the last good config keeps serving. Called from the config watcher thread only.
 */
final class ConfigReloader {

    private static final Logger LOG = Logger.getLogger(ConfigReloader.class.getName());

    private final GatewayAuth auth;
    private final Optional<LogSetup> logs;
    private final StatusSnapshot status;
    private final GatewayOptions options;
    private volatile OpenClawConfig current;
    private final List<java.util.function.Consumer<OpenClawConfig>> listeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    ConfigReloader(
            OpenClawConfig initial,
            GatewayAuth auth,
            Optional<LogSetup> logs,
            StatusSnapshot status,
            GatewayOptions options) {
        this.current = initial;
        this.auth = auth;
        this.logs = logs;
        this.status = status;
        this.options = options;
    }

    OpenClawConfig current() {
        return current;
    }

    /** Calls {@code listener} with each config applied from now on. */
    void onApply(java.util.function.Consumer<OpenClawConfig> listener) {
        listeners.add(listener);
    }

    void apply(OpenClawConfig loaded) {
        OpenClawConfig previous = current;
        OpenClawConfig requested;
        OpenClawConfig next;
        try {
            requested = Overrides.apply(loaded, options);
            next = withListenerOf(requested, previous);
            Overrides.refuseUnsafeBind(next);
        } catch (RuntimeException e) {
            LOG.warning("config change rejected, keeping the running config: " + e.getMessage());
            return;
        }
        Optional<GatewayToken> token = next.gateway().auth().mode() == AuthMode.TOKEN
                ? Optional.of(GatewayTokens.resolveForServer(
                        next.gateway().auth().token(), options.home().gatewayTokenFile()))
                : Optional.empty();
        auth.update(next.gateway().auth().mode(), token);
        Set<String> secrets = token.map(t -> Set.of(t.value())).orElse(Set.of());
        logs.ifPresent(l -> l.reconfigure(next.logging(), secrets));
        current = next;
        status.config(next);
        for (var listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                LOG.log(java.util.logging.Level.WARNING, "applying the reloaded config failed", e);
            }
        }
        if (requested.gateway().port() != previous.gateway().port()
                || !requested.gateway().bind().equals(previous.gateway().bind())
                || !requested.storage().equals(previous.storage())) {
            LOG.warning("config reloaded; gateway.port, gateway.bind and storage changes take effect after a restart"
                    + " (openclaw gateway stop, then openclaw gateway)");
        } else {
            LOG.info("config reloaded from " + options.configFile());
        }
    }

    void rejected(List<ConfigIssue> issues) {
        LOG.warning("config file " + options.configFile() + " has " + issues.size()
                + " problem(s); keeping the last good config:\n"
                + issues.stream()
                        .map(i -> "  " + i.describe(options.configFile()))
                        .collect(Collectors.joining("\n")));
    }

    /** The listener and storage keep their start-up settings until restart; status and safety checks use those. */
    private static OpenClawConfig withListenerOf(OpenClawConfig next, OpenClawConfig running) {
        var g = next.gateway();
        return next.withGateway(new openclaw.config.GatewayConfig(
                        running.gateway().port(), running.gateway().bind(), g.auth(), g.controlUi()))
                .withStorage(running.storage());
    }
}
