package openclaw.server;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import openclaw.agent.AgentRunner;
import openclaw.agent.AgentSpec;
import openclaw.agent.RetryPolicy;
import openclaw.auth.AuthThrottle;
import openclaw.auth.GatewayAuth;
import openclaw.chat.ChatRuns;
import openclaw.chat.SessionHooks;
import openclaw.config.OpenClawConfig;
import openclaw.control.ControlPlane;
import openclaw.control.ControlServices;
import openclaw.lifecycle.GatewayStatus;
import openclaw.session.SessionCommands;
import openclaw.session.SessionService;
import openclaw.store.Store;
import openclaw.tool.ToolRegistry;

/**
 * Builds the parts that run turns for clients: providers and agents from config (rebuilt on reload), the agent
 * runner, session lifecycle, chat runs and the control plane. Closing stops runs and closes the sockets.
 */
final class ControlWiring implements AutoCloseable {

    private final ChatRuns runs;
    private final ControlPlane plane;
    private final AtomicReference<Runtime> runtime;

    /** Providers and agents of one config generation. */
    private record Runtime(AgentWiring.Providers providers, Map<String, AgentSpec> agents, String defaultAgent) {}

    private ControlWiring(ChatRuns runs, ControlPlane plane, AtomicReference<Runtime> runtime) {
        this.runs = runs;
        this.plane = plane;
        this.runtime = runtime;
    }

    /** Everything the control plane needs, over an open store. */
    static ControlWiring build(
            Store store,
            GatewayAuth auth,
            Supplier<OpenClawConfig> config,
            Supplier<GatewayStatus> status,
            IntSupplier port,
            GatewayOptions options) {
        Clock clock = Clock.systemUTC();
        AtomicReference<Runtime> runtime = new AtomicReference<>(runtime(config.get(), options));
        AgentWiring.Providers providers = runtime.get().providers();
        AgentRunner runner = new AgentRunner(new AgentRunner.Services(
                providers.registry(),
                ToolRegistry.builtIns(store.sessions()),
                store.sessions(),
                store.transcripts(),
                clock,
                RetryPolicy.DEFAULT));
        SessionService sessions = new SessionService(store.sessions(), store.transcripts(), config, clock);
        SessionCommands commands = new SessionCommands(sessions);
        SessionHooks hooks = new SessionHooks() {
            @Override
            public void open(String sessionKey, String agentId) {
                sessions.open(sessionKey, agentId);
            }

            @Override
            public Optional<String> command(String sessionKey, String agentId, String text) {
                return commands.handle(sessionKey, agentId, text);
            }
        };
        ChatRuns runs =
                new ChatRuns(new ChatRuns.Services(runner, () -> runtime.get().agents(), hooks, clock));
        ControlPlane plane = new ControlPlane(
                ControlPlane.Settings.DEFAULTS,
                new ControlServices(
                        auth,
                        AuthThrottle.defaults(clock),
                        store,
                        sessions,
                        runs,
                        () -> runtime.get().agents(),
                        () -> runtime.get().defaultAgent(),
                        config,
                        status,
                        clock,
                        port));
        return new ControlWiring(runs, plane, runtime);
    }

    ControlPlane plane() {
        return plane;
    }

    /** Rebuilds the agents after a config reload (providers keep their connections until restart). */
    void reload(OpenClawConfig config) {
        Runtime current = runtime.get();
        runtime.set(new Runtime(
                current.providers(),
                AgentWiring.agents(config, current.providers()),
                AgentWiring.defaultAgentId(config)));
    }

    @Override
    public void close() {
        runs.shutdown(Duration.ofSeconds(5));
        plane.close();
    }

    private static Runtime runtime(OpenClawConfig config, GatewayOptions options) {
        AgentWiring.Providers providers =
                options.providers().orElseGet(() -> AgentWiring.providers(config, options.env(), true));
        return new Runtime(providers, AgentWiring.agents(config, providers), AgentWiring.defaultAgentId(config));
    }
}
