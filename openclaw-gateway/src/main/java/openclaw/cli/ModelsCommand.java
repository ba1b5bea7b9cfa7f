package openclaw.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import openclaw.agent.AgentSpec;
import openclaw.agent.ModelRef;
import openclaw.config.ConfigLoader;
import openclaw.config.OpenClawConfig;
import openclaw.config.ProviderConfig;
import openclaw.server.AgentWiring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code openclaw models list|status}: the models agents use, and the providers behind them. */
@Command(
        name = "models",
        description = "List models and show provider status.",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Status.class})
final class ModelsCommand {

    private ModelsCommand() {}

    /** {@code models list}: every model reference the agents use, with the agents using it. */
    @Command(name = "list", description = "Models the configured agents use (primary and fallbacks).")
    static final class ListModels implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            CliContext context = OpenClawCommand.contextOf(spec);
            OpenClawConfig config = ConfigLoader.loadOrThrow(context.configFile(), context.env());
            AgentWiring.Providers providers = AgentWiring.providers(config, context.env(), true);
            Map<String, TreeSet<String>> users = new LinkedHashMap<>();
            for (AgentSpec agent : AgentWiring.agents(config, providers).values()) {
                for (ModelRef ref : agent.modelChain()) {
                    users.computeIfAbsent(ref.toString(), k -> new TreeSet<>()).add(agent.id());
                }
            }
            users.forEach((ref, agents) -> {
                String provider = ref.substring(0, ref.indexOf('/'));
                String state = providers.registry().find(provider).isPresent() ? "" : "  (provider not configured)";
                context.out().println(ref + "  agents: " + String.join(", ", agents) + state);
            });
            return 0;
        }
    }

    /** {@code models status}: each provider's type, endpoint and whether it has a key (never the key). */
    @Command(name = "status", description = "Providers: type, endpoint, key present, agents using them.")
    static final class Status implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            CliContext context = OpenClawCommand.contextOf(spec);
            OpenClawConfig config = ConfigLoader.loadOrThrow(context.configFile(), context.env());
            AgentWiring.Providers providers = AgentWiring.providers(config, context.env(), true);
            if (providers.registry().ids().isEmpty()) {
                context.out()
                        .println("no model provider configured: add [providers.<id>] with type, baseUrl and"
                                + " apiKey to " + context.configFile()
                                + ", or set OPENAI_API_KEY or ANTHROPIC_API_KEY");
                return 1;
            }
            Map<String, AgentSpec> agents = AgentWiring.agents(config, providers);
            for (String id : providers.registry().ids()) {
                ProviderConfig p = config.providers().get(id);
                String source = p == null ? "auto-detected" : "configured";
                List<String> using = agents.values().stream()
                        .filter(a -> a.modelChain().stream()
                                .anyMatch(m -> m.provider().equals(id)))
                        .map(AgentSpec::id)
                        .toList();
                context.out()
                        .println(id + ": " + source
                                + (p == null
                                        ? ""
                                        : ", type "
                                                + p.type()
                                                        .name()
                                                        .toLowerCase(java.util.Locale.ROOT)
                                                        .replace('_', '-') + ", " + p.effectiveBaseUrl() + ", key "
                                                + (p.apiKey().isPresent() ? "set" : "not set"))
                                + ", default model "
                                + providers.defaultModels().get(id) + ", agents: "
                                + (using.isEmpty() ? "none" : String.join(", ", using)));
            }
            return 0;
        }
    }
}
