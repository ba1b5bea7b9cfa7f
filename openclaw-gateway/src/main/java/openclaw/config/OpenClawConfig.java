package openclaw.config;

import java.util.Objects;

/**
 * The root of the immutable config tree, one component per top-level TOML table. Absent tables and keys take the
 * defaults of their block, so no null escapes. Adding a block means adding a record and one component here: the
 * loader, validator, editor and query discover components reflectively.
 */
public record OpenClawConfig(GatewayConfig gateway, StorageConfig storage, LoggingConfig logging) {

    /** Every block at its defaults. */
    public static final OpenClawConfig DEFAULTS =
            new OpenClawConfig(GatewayConfig.DEFAULTS, StorageConfig.DEFAULTS, LoggingConfig.DEFAULTS);

    public OpenClawConfig {
        gateway = Objects.requireNonNullElse(gateway, GatewayConfig.DEFAULTS);
        storage = Objects.requireNonNullElse(storage, StorageConfig.DEFAULTS);
        logging = Objects.requireNonNullElse(logging, LoggingConfig.DEFAULTS);
    }

    /** A copy with a different gateway block. */
    public OpenClawConfig withGateway(GatewayConfig newGateway) {
        return new OpenClawConfig(newGateway, storage, logging);
    }

    /** A copy safe to show or log: tokens and passwords replaced by {@code ***}. */
    public OpenClawConfig redacted() {
        return new OpenClawConfig(gateway.redacted(), storage.redacted(), logging);
    }
}
