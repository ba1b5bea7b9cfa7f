package openclaw.cli;

import java.util.Optional;
import openclaw.auth.GatewayToken;
import openclaw.auth.GatewayTokens;
import openclaw.config.ConfigLoader;
import openclaw.config.LoadResult;
import openclaw.config.OpenClawConfig;
import openclaw.lifecycle.PidFile;

/**
 * Where the CLI finds the running gateway and which token it presents: the live pid file's address if there is one,
 * else the configured address; the token from config or {@code OPENCLAW_GATEWAY_TOKEN}, else the generated token
 * file.
 */
record GatewayTarget(String host, int port, Optional<Long> pid, Optional<GatewayToken> token) {

    static GatewayTarget resolve(CliContext context) {
        OpenClawConfig config =
                switch (ConfigLoader.load(context.configFile(), context.env())) {
                    case LoadResult.Loaded loaded -> loaded.config();
                    case LoadResult.Rejected rejected -> OpenClawConfig.DEFAULTS;
                };
        Optional<GatewayToken> token = GatewayTokens.read(
                config.gateway().auth().token(), context.home().gatewayTokenFile());
        Optional<PidFile> live = PidFile.readLive(context.home().pidFile());
        if (live.isPresent()) {
            return new GatewayTarget(
                    connectHost(live.get().host()),
                    live.get().port(),
                    Optional.of(live.get().pid()),
                    token);
        }
        return new GatewayTarget(
                connectHost(config.gateway().bind().host()), config.gateway().port(), Optional.empty(), token);
    }

    /** A wildcard listen address is reached through loopback. */
    private static String connectHost(String listenHost) {
        return switch (listenHost) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "0:0:0:0:0:0:0:0" -> "::1";
            default -> listenHost;
        };
    }

    /** The control socket URL. */
    java.net.URI wsUrl() {
        return java.net.URI.create("ws://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/");
    }

    String baseUrl() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
