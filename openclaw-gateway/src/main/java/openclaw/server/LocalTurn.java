package openclaw.server;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import openclaw.agent.AgentEvent;
import openclaw.agent.AgentRunner;
import openclaw.agent.AgentSpec;
import openclaw.agent.RetryPolicy;
import openclaw.agent.TurnControl;
import openclaw.agent.TurnRequest;
import openclaw.agent.TurnResult;
import openclaw.config.ConfigLoader;
import openclaw.config.OpenClawConfig;
import openclaw.config.OpenClawHome;
import openclaw.sdk.OpenClawException;
import openclaw.sdk.provider.ThinkingLevel;
import openclaw.secrets.SecretFiles;
import openclaw.session.SessionService;
import openclaw.store.Store;
import openclaw.store.StoreSettings;
import openclaw.tool.ToolRegistry;
import sun.misc.Signal;

/**
 * {@code openclaw agent --local}: one agent turn in this process, with the gateway's config and store (same
 * transcripts, same providers, same session lifecycle), streamed to the caller. Ctrl-C cancels the turn and the upstream call.
 */
public final class LocalTurn {

    /** What to run. */
    public record Options(
            Optional<String> agentId, Optional<String> sessionKey, Optional<ThinkingLevel> thinking, String message) {}

    /** The result and where it ran. */
    public record Outcome(String agentId, String sessionKey, TurnResult result) {}

    private LocalTurn() {}

    /**
     * Runs the turn.
     *
     * @throws openclaw.config.ConfigException for an invalid config
     * @throws OpenClawException for an unknown agent or unusable storage
     */
    public static Outcome run(
            OpenClawHome home,
            java.nio.file.Path configFile,
            Map<String, String> env,
            Options options,
            Consumer<AgentEvent> listener) {
        // A CLI turn prints the answer; library chatter (pool, migrations) would only get in the way.
        Logger.getLogger("").setLevel(Level.WARNING);
        OpenClawConfig config = ConfigLoader.loadOrThrow(configFile, env);
        AgentWiring.Providers providers = AgentWiring.providers(config, env, true);
        Map<String, AgentSpec> agents = AgentWiring.agents(config, providers);
        String agentId = options.agentId().orElse(AgentWiring.defaultAgentId(config));
        AgentSpec agent = Optional.ofNullable(agents.get(agentId))
                .orElseThrow(() -> new OpenClawException(
                        "no agent '" + agentId + "'; configured agents: " + String.join(", ", agents.keySet())));
        String sessionKey = options.sessionKey().orElse("agent:" + agentId + ":main");
        SecretFiles.ensurePrivateDirectory(home.root());
        try (Store store = Store.open(StoreSettings.of(config.storage().effectiveUrl(home)))) {
            store.migrate();
            // Same lifecycle as a gateway turn: an expired conversation is restarted before the message is added.
            new SessionService(store.sessions(), store.transcripts(), () -> config, Clock.systemUTC())
                    .open(sessionKey, agentId);
            AgentRunner runner = new AgentRunner(new AgentRunner.Services(
                    providers.registry(),
                    ToolRegistry.builtIns(store.sessions()),
                    store.sessions(),
                    store.transcripts(),
                    Clock.systemUTC(),
                    RetryPolicy.DEFAULT));
            TurnControl control = new TurnControl();
            Signal.handle(new Signal("INT"), s -> control.cancel());
            TurnRequest turn = new TurnRequest(
                    agent, sessionKey, options.message(), options.thinking().orElse(agent.thinking()));
            return new Outcome(agentId, sessionKey, runner.run(turn, control, listener));
        }
    }
}
