package openclaw.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import openclaw.agent.AgentSpec;
import openclaw.routing.AgentRoster;
import openclaw.routing.BindingView;
import openclaw.server.AgentWiring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code openclaw agents list | bindings | bind | unbind | route}: the configured agents and which channel accounts
 * route to them. Works on the config file and the store directly; a running gateway sees binding changes on its next
 * message.
 */
@Command(
        mixinStandardHelpOptions = true,
        name = "agents",
        description = "List agents and manage which channel accounts route to them.",
        subcommands = {
            AgentsCommand.ListAgents.class,
            AgentsCommand.ListBindings.class,
            AgentsBindCommands.Bind.class,
            AgentsBindCommands.Unbind.class,
            AgentsRouteCommand.class
        })
final class AgentsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** {@code openclaw agents} alone lists the agents, as in OpenClaw. */
    @Override
    public Integer call() {
        return ListAgents.list(spec, false);
    }

    /** {@code agents list}: each agent with its model and number of bindings; the default one is marked. */
    @Command(
            mixinStandardHelpOptions = true,
            name = "list",
            description = "Agents from the config: default marker, model, number of bindings.")
    static final class ListAgents implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            return list(spec, json);
        }

        static int list(CommandSpec spec, boolean json) {
            return RoutingState.run(spec, (context, state) -> {
                AgentRoster roster = state.bindings().agents();
                Map<String, AgentSpec> agents =
                        AgentWiring.agents(state.config(), AgentWiring.providers(state.config(), context.env(), true));
                Map<String, Integer> counts = new TreeMap<>();
                state.bindings().list().forEach(v -> counts.merge(v.agentId(), 1, Integer::sum));
                if (json) {
                    ArrayNode array = new ObjectMapper().createArrayNode();
                    agents.forEach((id, a) -> array.addObject()
                            .put("id", id)
                            .put("default", id.equals(roster.defaultId()))
                            .put("model", a.model().toString())
                            .put("bindings", counts.getOrDefault(id, 0)));
                    context.out().println(array.toPrettyString());
                } else {
                    List<String[]> rows = agents.values().stream()
                            .sorted(Comparator.comparing(AgentSpec::id))
                            .map(a -> new String[] {
                                a.id() + (a.id().equals(roster.defaultId()) ? " (default)" : ""),
                                a.model().toString(),
                                plural(counts.getOrDefault(a.id(), 0), "binding")
                            })
                            .toList();
                    RoutingOutput.table(context.out(), rows);
                }
                counts.keySet().stream().filter(id -> !agents.containsKey(id)).forEach(id -> context.err()
                        .println("note: " + plural(counts.get(id), "binding") + " to \"" + id
                                + "\", which the config does not define; remove with openclaw agents"
                                + " unbind --agent " + id + " --all"));
                return 0;
            });
        }
    }

    /** {@code agents bindings}: one line per binding, {@code research-bot → whatsapp-personal (active)}. */
    @Command(
            mixinStandardHelpOptions = true,
            name = "bindings",
            description = "List bindings: agent → channel account (active|inactive).")
    static final class ListBindings implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--agent", paramLabel = "ID", description = "Only this agent's bindings.")
        String agent;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            return RoutingState.run(spec, (context, state) -> {
                List<BindingView> views = state.bindings().list().stream()
                        .filter(v -> agent == null || v.agentId().equals(agent))
                        .toList();
                if (json) {
                    ArrayNode array = new ObjectMapper().createArrayNode();
                    views.forEach(v -> RoutingOutput.json(array.addObject(), v));
                    context.out().println(array.toPrettyString());
                    return 0;
                }
                if (views.isEmpty()) {
                    context.out()
                            .println("no bindings (add one with: openclaw agents bind --agent ID --account NAME,"
                                    + " or --bind CHANNEL[:ACCOUNT])");
                    return 0;
                }
                views.forEach(v -> context.out().println(v.line()));
                views.forEach(v -> hint(context, v));
                return 0;
            });
        }

        private static void hint(CliContext context, BindingView v) {
            if (!v.agentDefined()) {
                context.err()
                        .println("hint: " + v.agentId() + " is not defined: add [agents." + v.agentId() + "] to "
                                + context.configFile() + ", or remove the binding with openclaw agents unbind --agent "
                                + v.agentId() + " --bind " + v.target().spec());
            } else if (!v.active()) {
                String add = "openclaw channels add --type " + v.target().channel()
                        + (v.target().isWholeChannel()
                                ? ""
                                : " --account " + v.target().accountId());
                String until = v.target().isWholeChannel()
                        ? "the " + v.target().channel() + " channel has an enabled account"
                        : v.target().table() + " is configured and enabled";
                context.err().println("hint: " + v.target().target() + " is inactive until " + until + ": " + add);
            }
        }
    }

    static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
