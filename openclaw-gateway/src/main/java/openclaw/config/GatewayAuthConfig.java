package openclaw.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code [gateway.auth]}: how clients authenticate. The token may also come from the environment variable
 * {@code OPENCLAW_GATEWAY_TOKEN}, which wins over the file (as in OpenClaw) so a deployment can inject it without
 * editing the file. {@link #toString()} never prints the token.
 */
public record GatewayAuthConfig(AuthMode mode, Optional<String> token) implements ValidatedBlock {

    /** Token auth, no token configured (the gateway generates one on first start). */
    public static final GatewayAuthConfig DEFAULTS = new GatewayAuthConfig(AuthMode.TOKEN, Optional.empty());

    static final String MASK = "***";

    public GatewayAuthConfig {
        mode = Objects.requireNonNullElse(mode, AuthMode.TOKEN);
        token = Objects.requireNonNullElse(token, Optional.empty());
    }

    /** A copy with the given token. */
    public GatewayAuthConfig withToken(String newToken) {
        return new GatewayAuthConfig(mode, Optional.of(newToken));
    }

    /** A copy whose token, if any, is replaced by {@code "***"}. */
    public GatewayAuthConfig redacted() {
        return new GatewayAuthConfig(mode, token.map(t -> MASK));
    }

    @Override
    public void collectIssues(String path, List<ConfigIssue> issues) {
        if (token.isPresent() && token.get().isBlank()) {
            issues.add(ConfigIssue.at(path + ".token", "must not be blank (remove the key to use a generated token)"));
        }
    }

    @Override
    public String toString() {
        return "GatewayAuthConfig[mode=" + mode + ", token=" + (token.isPresent() ? MASK : "<unset>") + "]";
    }
}
