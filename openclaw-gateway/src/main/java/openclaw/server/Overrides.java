package openclaw.server;

import openclaw.config.AuthMode;
import openclaw.config.Bind;
import openclaw.config.GatewayConfig;
import openclaw.config.OpenClawConfig;

/** Command-line overrides ({@code --port}, {@code --bind}) and the start-up safety rules applied on top of config. */
final class Overrides {

    private Overrides() {}

    static OpenClawConfig apply(OpenClawConfig config, GatewayOptions options) {
        GatewayConfig g = config.gateway();
        int port = options.port().orElse(g.port());
        Bind bind = g.bind();
        if (options.bind().isPresent()) {
            try {
                bind = new Bind(options.bind().get());
            } catch (RuntimeException e) {
                throw new GatewayStartException(
                        "--bind " + options.bind().get() + ": " + e.getMessage()
                                + " (use loopback, lan or an IP address)",
                        2);
            }
        }
        if (port < 0 || port > 65535) {
            throw new GatewayStartException("--port " + port + ": must be between 1 and 65535", 2);
        }
        return config.withGateway(new GatewayConfig(port, bind, g.auth(), g.controlUi()));
    }

    /**
     * Auth may be off only when nothing but this host can connect: {@code mode = "none"} with a non-loopback bind
     * would hand the gateway to the network.
     */
    static void refuseUnsafeBind(OpenClawConfig config) {
        GatewayConfig g = config.gateway();
        if (g.auth().mode() == AuthMode.NONE && !g.bind().isLoopback()) {
            throw new GatewayStartException(
                    "refusing to start: [gateway.auth] mode = \"none\" with bind = \""
                            + g.bind().value() + "\" would expose an unauthenticated gateway to the network; set"
                            + " [gateway.auth] mode = \"token\" or bind = \"loopback\"",
                    2);
        }
    }
}
