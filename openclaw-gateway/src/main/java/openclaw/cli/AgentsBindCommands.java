package openclaw.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import openclaw.routing.BindingView;
import openclaw.routing.Bindings;
import openclaw.routing.ChannelAccount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code agents bind} and {@code agents unbind}. A target is written as {@code --account NAME} (the channel is found
 * from the config, or from a {@code whatsapp-…} prefix; see {@link Bindings#resolveAccount}) or as OpenClaw's
 * {@code --bind CHANNEL[:ACCOUNT]} (a channel alone, or {@code CHANNEL:*}, binds all its accounts). Every target is
 * checked before anything is stored, so a bad one changes nothing.
 */
final class AgentsBindCommands {

    private AgentsBindCommands() {}

    /** The targets shared by both commands. */
    static class Targets {
        @Option(
                names = "--agent",
                paramLabel = "ID",
                description = "Agent id from [agents.<id>] (default: the default agent).")
        String agent;

        @Option(
                names = "--account",
                paramLabel = "NAME",
                description = "Account name, e.g. whatsapp-main; its channel is the one whose config has"
                        + " [channels.<type>.accounts.NAME], else the type it starts with (repeatable).")
        List<String> accounts = new ArrayList<>();

        @Option(
                names = "--bind",
                paramLabel = "CHANNEL[:ACCOUNT]",
                description = "E.g. telegram:ops, or telegram for all its accounts (repeatable).")
        List<String> binds = new ArrayList<>();

        boolean none() {
            return accounts.isEmpty() && binds.isEmpty();
        }

        String agentId(Bindings bindings) {
            return agent != null ? agent : bindings.agents().defaultId();
        }

        /** Every target resolved; notes on how an account name was resolved go to stderr. */
        List<ChannelAccount> resolve(CliContext context, Bindings bindings, Optional<String> boundTo) {
            List<ChannelAccount> targets = new ArrayList<>();
            for (String name : accounts) {
                Bindings.Resolved r = bindings.resolveAccount(name, boundTo);
                r.note().ifPresent(n -> context.err().println("note: " + n));
                targets.add(r.account());
            }
            binds.forEach(b -> targets.add(ChannelAccount.parse(b)));
            return targets;
        }
    }

    /** {@code agents bind --agent ID (--account NAME | --bind CHANNEL[:ACCOUNT])…}. */
    @Command(
            mixinStandardHelpOptions = true,
            name = "bind",
            description = "Route channel accounts to an agent (binding again changes nothing).")
    static final class Bind extends Targets implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            if (none()) {
                throw new ParameterException(
                        spec.commandLine(), "name what to bind: --account NAME or --bind CHANNEL[:ACCOUNT]");
            }
            return RoutingState.run(spec, (context, state) -> {
                Bindings bindings = state.bindings();
                String agentId = agentId(bindings);
                bindings.requireAgent(agentId);
                for (ChannelAccount target : resolve(context, bindings, Optional.empty())) {
                    Bindings.BindOutcome outcome = bindings.bind(agentId, target);
                    context.out()
                            .println((outcome.created() ? "bound " : "already bound: ")
                                    + outcome.binding().line());
                }
                return 0;
            });
        }
    }

    /** {@code agents unbind --agent ID (--account NAME | --bind CHANNEL[:ACCOUNT])… | --all}. */
    @Command(mixinStandardHelpOptions = true, name = "unbind", description = "Remove bindings of an agent.")
    static final class Unbind extends Targets implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--all", description = "Remove every binding of the agent.")
        boolean all;

        @Override
        public Integer call() {
            if (all != none()) {
                throw new ParameterException(
                        spec.commandLine(),
                        all
                                ? "use either --all or --account/--bind, not both"
                                : "name what to unbind: --account NAME, --bind CHANNEL[:ACCOUNT] or --all");
            }
            return RoutingState.run(spec, (context, state) -> {
                Bindings bindings = state.bindings();
                String agentId = agentId(bindings);
                List<ChannelAccount> targets = all
                        ? bindings.list().stream()
                                .filter(v -> v.agentId().equals(agentId))
                                .map(BindingView::target)
                                .toList()
                        : resolve(context, bindings, Optional.of(agentId));
                if (all && targets.isEmpty()) {
                    bindings.requireAgent(agentId);
                    context.out().println(agentId + " has no bindings; nothing changed");
                }
                List<ChannelAccount> present = bindings.list().stream()
                        .filter(v -> v.agentId().equals(agentId))
                        .map(BindingView::target)
                        .toList();
                for (ChannelAccount target : targets) {
                    if (!present.contains(target)) {
                        // Reports the missing binding (exit 1) before any other target is removed.
                        bindings.unbind(agentId, target);
                    }
                }
                for (ChannelAccount target : targets) {
                    context.out()
                            .println("unbound "
                                    + bindings.unbind(agentId, target).line());
                }
                return 0;
            });
        }
    }
}
