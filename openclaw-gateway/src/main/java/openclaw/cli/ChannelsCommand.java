package openclaw.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import openclaw.config.ChannelAccountConfig;
import openclaw.config.ChannelConfig;
import openclaw.config.ConfigEditor;
import openclaw.config.ConfigException;
import openclaw.config.OpenClawConfig;
import openclaw.routing.BindingView;
import openclaw.routing.ChannelAccount;
import openclaw.routing.RoutingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code openclaw channels add | list}: channel accounts in the config file ({@code [channels.<type>.accounts.<name>]})
 * and the agents bound to them. {@code add} edits the file with {@link ConfigEditor}, keeping every other line.
 */
@Command(
        mixinStandardHelpOptions = true,
        name = "channels",
        description = "Add and list channel accounts.",
        subcommands = {ChannelsCommand.Add.class, ChannelsCommand.ListChannels.class})
final class ChannelsCommand {

    private ChannelsCommand() {}

    /** {@code channels add --type T [--account NAME] [--bind-agent ID]}. */
    @Command(
            mixinStandardHelpOptions = true,
            name = "add",
            description = "Add a channel account to the config file and optionally bind an agent to it.")
    static final class Add implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--type", required = true, paramLabel = "TYPE", description = "Channel type, e.g. telegram.")
        String type;

        @Option(names = "--account", paramLabel = "NAME", description = "Account name (default: default).")
        String account = "default";

        @Option(names = "--bind-agent", paramLabel = "ID", description = "Bind this agent to the account.")
        String bindAgent;

        @Override
        public Integer call() {
            ChannelAccount target;
            try {
                // Checked before anything is opened or created, so a typo changes nothing.
                target = ChannelAccount.parse(type + ":" + account);
            } catch (RoutingException e) {
                return RoutingState.fail(OpenClawCommand.contextOf(spec), e);
            }
            return RoutingState.run(spec, (context, state) -> {
                if (bindAgent != null) {
                    state.bindings().requireAgent(bindAgent);
                }
                Optional<ChannelAccountConfig> existing = Optional.ofNullable(
                                state.config().channels().get(type))
                        .map(c -> c.accounts().get(account));
                if (existing.map(ChannelAccountConfig::enabled).orElse(false)) {
                    context.out().println(target.table() + " is already configured in " + context.configFile());
                } else {
                    try {
                        ConfigEditor.set(
                                context.configFile(),
                                "channels." + type + ".accounts." + account + ".enabled",
                                "true",
                                context.env());
                    } catch (ConfigException e) {
                        context.err().println("openclaw: not changed: " + context.configFile());
                        ConfigCommand.printIssues(context, "error", e.issues());
                        return 2;
                    }
                    state.reloadConfig();
                    context.out()
                            .println((existing.isPresent() ? "enabled " : "added ") + target.table() + " to "
                                    + context.configFile());
                }
                if (bindAgent != null) {
                    var outcome = state.bindings().bind(bindAgent, target);
                    context.out()
                            .println((outcome.created() ? "bound " : "already bound: ")
                                    + outcome.binding().line());
                }
                return 0;
            });
        }
    }

    /** {@code channels list}: every configured or bound account with its state and bound agents. */
    @Command(
            mixinStandardHelpOptions = true,
            name = "list",
            description = "Channel accounts: channel, account, enabled, bound agents.")
    static final class ListChannels implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            return RoutingState.run(spec, (context, state) -> {
                List<Row> rows = rows(state.config(), state.bindings().list());
                if (json) {
                    ArrayNode array = new ObjectMapper().createArrayNode();
                    rows.forEach(r -> {
                        var node = array.addObject()
                                .put("channel", r.channel())
                                .put("account", r.account())
                                .put("state", r.state());
                        var agents = node.putArray("agents");
                        r.agents().forEach(agents::add);
                    });
                    context.out().println(array.toPrettyString());
                } else if (rows.isEmpty()) {
                    context.out()
                            .println("no channel accounts configured; add one with: openclaw channels add --type"
                                    + " TYPE [--account NAME] [--bind-agent AGENT] (types: "
                                    + String.join(", ", ChannelConfig.TYPES) + ")");
                } else {
                    List<String[]> table = new ArrayList<>();
                    table.add(new String[] {"CHANNEL", "ACCOUNT", "STATE", "AGENTS"});
                    rows.forEach(r -> table.add(new String[] {
                        r.channel(), r.account(), r.state(), r.agents().isEmpty() ? "-" : String.join(", ", r.agents())
                    }));
                    RoutingOutput.table(context.out(), table);
                }
                return 0;
            });
        }

        /**
         * One listed account.
         *
         * @param channel the channel type
         * @param account the account name, {@code *} for the whole channel
         * @param state {@code enabled}, {@code disabled}, {@code not configured}, or for {@code *} whether the
         *     channel has an enabled account ({@code active}/{@code inactive})
         * @param agents the agents bound to it, sorted
         */
        record Row(String channel, String account, String state, List<String> agents) {}

        static List<Row> rows(OpenClawConfig config, List<BindingView> bindings) {
            Map<String, TreeSet<String>> bound = new TreeMap<>();
            Map<String, ChannelAccount> targets = new TreeMap<>();
            for (BindingView v : bindings) {
                String key = v.target().channel() + "\u0000" + v.target().accountId();
                bound.computeIfAbsent(key, k -> new TreeSet<>()).add(v.agentId());
                targets.put(key, v.target());
            }
            config.channels().forEach((type, c) -> c.accounts()
                    .keySet()
                    .forEach(name -> targets.putIfAbsent(type + "\u0000" + name, new ChannelAccount(type, name))));
            List<Row> rows = new ArrayList<>();
            targets.forEach((key, t) -> {
                List<String> agents = List.copyOf(bound.getOrDefault(key, new TreeSet<>()));
                String state;
                if (t.isWholeChannel()) {
                    state = t.active(config) ? "active" : "inactive";
                } else {
                    state = Optional.ofNullable(config.channels().get(t.channel()))
                            .map(c -> c.accounts().get(t.accountId()))
                            .map(a -> a.enabled() ? "enabled" : "disabled")
                            .orElse("not configured");
                }
                rows.add(new Row(t.channel(), t.isWholeChannel() ? "*" : t.accountId(), state, agents));
            });
            return rows;
        }
    }
}
