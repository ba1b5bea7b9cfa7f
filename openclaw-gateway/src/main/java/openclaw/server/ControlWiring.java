package openclaw.server;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
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
import openclaw.openai.ApiContext;
import openclaw.openai.ApiKeys;
import openclaw.openai.OpenAiApi;
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
    private final Runtimes runtimes;
    private final OpenAiApi openAi;

    /** Providers, runner and agents of one config generation. */
    private record Runtime(
            AgentWiring.Providers providers, AgentRunner runner, Map<String, AgentSpec> agents, String defaultAgent) {}

    /**
     * Builds the runtime on first use (provider auto-detection may probe a local Ollama, which must not delay start-up)
     * and rebuilds its agents on config reloads.
     */
    private static final class Runtimes {
        private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
        private final AtomicReference<Runtime> current = new AtomicReference<>();
        private final Store store;
        private final Supplier<OpenClawConfig> config;
        private final GatewayOptions options;
        private final Clock clock;

        Runtimes(Store store, Supplier<OpenClawConfig> config, GatewayOptions options, Clock clock) {
            this.store = store;
            this.config = config;
            this.options = options;
            this.clock = clock;
        }

        Runtime get() {
            Runtime r = current.get();
            if (r != null) {
                return r;
            }
            lock.lock();
            try {
                if (current.get() == null) {
                    current.set(build(config.get()));
                }
                return current.get();
            } finally {
                lock.unlock();
            }
        }

        void reload(OpenClawConfig next) {
            lock.lock();
            try {
                Runtime r = current.get();
                if (r != null) {
                    current.set(new Runtime(
                            r.providers(),
                            r.runner(),
                            AgentWiring.agents(next, r.providers()),
                            AgentWiring.defaultAgentId(next)));
                }
            } finally {
                lock.unlock();
            }
        }

        private Runtime build(OpenClawConfig c) {
            AgentWiring.Providers providers =
                    options.providers().orElseGet(() -> AgentWiring.providers(c, options.env(), true));
            AgentRunner runner = new AgentRunner(new AgentRunner.Services(
                    providers.registry(),
                    ToolRegistry.builtIns(store.sessions()),
                    store.sessions(),
                    store.transcripts(),
                    clock,
                    RetryPolicy.DEFAULT));
            return new Runtime(providers, runner, AgentWiring.agents(c, providers), AgentWiring.defaultAgentId(c));
        }
    }

    private ControlWiring(ChatRuns runs, ControlPlane plane, Runtimes runtimes, OpenAiApi openAi) {
        this.runs = runs;
        this.plane = plane;
        this.runtimes = runtimes;
        this.openAi = openAi;
    }

    /** Everything the control plane needs, over an open store. */
    @SuppressWarnings("checkstyle:ParameterNumber") // the gateway's shared parts, each used by several features
    static ControlWiring build(
            Store store,
            GatewayAuth auth,
            Supplier<OpenClawConfig> config,
            Supplier<GatewayStatus> status,
            IntSupplier port,
            GatewayOptions options,
            MeterRegistry registry) {
        Clock clock = Clock.systemUTC();
        Runtimes runtime = new Runtimes(store, config, options, clock);
        SessionService sessions = new SessionService(store.sessions(), store.transcripts(), config, clock);
        SessionHooks hooks = SessionWiring.hooks(sessions);
        AuthThrottle throttle = AuthThrottle.defaults(clock); // one count of failures for the socket and the API
        ChatRuns runs = new ChatRuns(new ChatRuns.Services(
                () -> runtime.get().runner(), () -> runtime.get().agents(), hooks, clock));
        ControlPlane plane = new ControlPlane(
                ControlPlane.Settings.DEFAULTS,
                new ControlServices(
                        auth,
                        throttle,
                        store,
                        sessions,
                        runs,
                        () -> runtime.get().agents(),
                        () -> AgentWiring.defaultAgentId(config.get()),
                        config,
                        status,
                        clock,
                        port));
        OpenAiApi openAi = new OpenAiApi(new ApiContext(
                runs,
                () -> runtime.get().agents(),
                () -> AgentWiring.defaultAgentId(config.get()),
                key -> runtime.get().runner().pendingToolCalls(key),
                store,
                sessions,
                new ApiKeys(store.keyValues(), clock),
                auth,
                throttle,
                registry,
                clock));
        return new ControlWiring(runs, plane, runtime, openAi);
    }

    OpenAiApi openAi() {
        return openAi;
    }

    ControlPlane plane() {
        return plane;
    }

    /** Rebuilds the agents after a config reload (providers keep their connections until restart). */
    void reload(OpenClawConfig config) {
        runtimes.reload(config);
    }

    /** Builds providers and agents now (called off the start-up path so the first turn need not wait). */
    void warmUp() {
        runtimes.get();
    }

    @Override
    public void close() {
        runs.shutdown(Duration.ofSeconds(5));
        plane.close();
    }
}
