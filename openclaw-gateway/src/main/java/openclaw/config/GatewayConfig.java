package openclaw.config;

import java.util.List;
import java.util.Objects;

/**
 * {@code [gateway]}: the listening socket and who may connect. Range checks run in {@link #collectIssues} rather than
 * the constructor so the loader can report every problem at once.
 */
public record GatewayConfig(int port, Bind bind, GatewayAuthConfig auth, ControlUiConfig controlUi)
        implements ValidatedBlock {

    /** OpenClaw's default port. */
    public static final int DEFAULT_PORT = 18789;

    /** Loopback on port 18789, token auth. */
    public static final GatewayConfig DEFAULTS =
            new GatewayConfig(DEFAULT_PORT, Bind.LOOPBACK, GatewayAuthConfig.DEFAULTS, ControlUiConfig.DEFAULTS);

    public GatewayConfig {
        bind = Objects.requireNonNullElse(bind, Bind.LOOPBACK);
        auth = Objects.requireNonNullElse(auth, GatewayAuthConfig.DEFAULTS);
        controlUi = Objects.requireNonNullElse(controlUi, ControlUiConfig.DEFAULTS);
    }

    /** A copy with a different auth block. */
    public GatewayConfig withAuth(GatewayAuthConfig newAuth) {
        return new GatewayConfig(port, bind, newAuth, controlUi);
    }

    /** A copy with secrets masked. */
    public GatewayConfig redacted() {
        return withAuth(auth.redacted());
    }

    @Override
    public void collectIssues(String path, List<ConfigIssue> issues) {
        if (port < 1 || port > 65535) {
            issues.add(ConfigIssue.at(path + ".port", port + " is out of range; expected 1..65535"));
        }
        if (!bind.isValid()) {
            issues.add(ConfigIssue.at(
                    path + ".bind",
                    "\"" + bind.value() + "\" is not valid; expected \"loopback\", \"lan\" or an IPv4/IPv6 literal"));
        }
    }
}
