package openclaw.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import openclaw.config.OpenClawHome;

/**
 * How to start a gateway: where its state and config live, the environment it reads ({@code OPENCLAW_*},
 * {@code ${env:…}} references), command-line overrides, and whether it owns the process's logging (the CLI does;
 * in-process tests do not).
 */
public record GatewayOptions(
        OpenClawHome home,
        Path configFile,
        Map<String, String> env,
        OptionalInt port,
        Optional<String> bind,
        boolean installLogging,
        Duration drainTimeout,
        Optional<AgentWiring.Providers> providers) {

    public GatewayOptions {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(configFile, "configFile");
        env = Map.copyOf(env);
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(drainTimeout, "drainTimeout");
        Objects.requireNonNull(providers, "providers");
    }

    /** Defaults for a home: its config file, no overrides, logging installed, 10 s drain. */
    public static GatewayOptions forHome(OpenClawHome home, Map<String, String> env) {
        return new GatewayOptions(
                home,
                home.configFile(),
                env,
                OptionalInt.empty(),
                Optional.empty(),
                true,
                Duration.ofSeconds(10),
                Optional.empty());
    }

    /** Copy with another config file. */
    public GatewayOptions withConfigFile(Path file) {
        return new GatewayOptions(home, file, env, port, bind, installLogging, drainTimeout, providers);
    }

    /** Copy with a port override ({@code 0} picks a free port). */
    public GatewayOptions withPort(int newPort) {
        return new GatewayOptions(
                home, configFile, env, OptionalInt.of(newPort), bind, installLogging, drainTimeout, providers);
    }

    /** Copy with a bind override. */
    public GatewayOptions withBind(String newBind) {
        return new GatewayOptions(
                home, configFile, env, port, Optional.of(newBind), installLogging, drainTimeout, providers);
    }

    /** Copy that leaves {@code java.util.logging} alone (for in-process tests). */
    public GatewayOptions withoutLoggingSetup() {
        return new GatewayOptions(home, configFile, env, port, bind, false, drainTimeout, providers);
    }

    /**
     * Copy whose model providers are given instead of built from config (tests and benchmarks run fake models in
     * process); agents still come from config and use these providers' default models.
     */
    public GatewayOptions withProviders(AgentWiring.Providers fixed) {
        return new GatewayOptions(home, configFile, env, port, bind, installLogging, drainTimeout, Optional.of(fixed));
    }
}
