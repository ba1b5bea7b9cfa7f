package openclaw.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The root of the immutable config tree, one component per top-level TOML table. Absent tables and keys take the
 * defaults of their block, so no null escapes. Adding a block means adding a record and one component here: the
 * loader, validator, editor and query discover components reflectively.
 */
public record OpenClawConfig(
        GatewayConfig gateway,
        StorageConfig storage,
        LoggingConfig logging,
        Map<String, ProviderConfig> providers,
        ResponseConfig response,
        Map<String, AgentConfig> agents,
        SessionConfig session,
        Map<String, ChannelConfig> channels)
        implements ValidatedBlock {

    /** Every block at its defaults. */
    public static final OpenClawConfig DEFAULTS = new OpenClawConfig(
            GatewayConfig.DEFAULTS,
            StorageConfig.DEFAULTS,
            LoggingConfig.DEFAULTS,
            Map.of(),
            ResponseConfig.DEFAULTS,
            Map.of(),
            SessionConfig.DEFAULTS,
            Map.of());

    public OpenClawConfig {
        gateway = Objects.requireNonNullElse(gateway, GatewayConfig.DEFAULTS);
        storage = Objects.requireNonNullElse(storage, StorageConfig.DEFAULTS);
        logging = Objects.requireNonNullElse(logging, LoggingConfig.DEFAULTS);
        providers = Map.copyOf(Objects.requireNonNullElse(providers, Map.of()));
        response = Objects.requireNonNullElse(response, ResponseConfig.DEFAULTS);
        agents = Map.copyOf(Objects.requireNonNullElse(agents, Map.of()));
        session = Objects.requireNonNullElse(session, SessionConfig.DEFAULTS);
        channels = Map.copyOf(Objects.requireNonNullElse(channels, Map.of()));
    }

    /** A copy with a different gateway block. */
    public OpenClawConfig withGateway(GatewayConfig newGateway) {
        return new OpenClawConfig(newGateway, storage, logging, providers, response, agents, session, channels);
    }

    /** A copy with a different storage block. */
    public OpenClawConfig withStorage(StorageConfig newStorage) {
        return new OpenClawConfig(gateway, newStorage, logging, providers, response, agents, session, channels);
    }

    /** A copy safe to show or log: tokens, keys and passwords replaced by {@code ***}. */
    public OpenClawConfig redacted() {
        Map<String, ProviderConfig> masked = new java.util.TreeMap<>();
        providers.forEach((id, p) -> masked.put(id, p.redacted()));
        return new OpenClawConfig(
                gateway.redacted(), storage.redacted(), logging, masked, response, agents, session, channels);
    }

    /** The session lifetime for a channel ({@code ""} for none), for a thread session or not. */
    public SessionConfig sessionPolicy(String channel, boolean thread) {
        ChannelConfig c = channels.getOrDefault(channel, ChannelConfig.DEFAULTS);
        SessionConfig policy = session.with(c.policy());
        return thread ? policy.with(c.threads()) : policy;
    }

    @Override
    public void collectIssues(String path, List<ConfigIssue> issues) {
        ChannelConfig.checkTypes(channels, issues);
    }
}
