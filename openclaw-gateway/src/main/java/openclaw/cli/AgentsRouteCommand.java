package openclaw.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import openclaw.routing.ChannelAccount;
import openclaw.routing.Route;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code agents route --channel C [--account A] [--peer P]}: which agent a message would reach, by which rule, and why
 * each higher-priority rule did not apply. Uses the same {@link openclaw.routing.Router} as the gateway.
 */
@Command(
        mixinStandardHelpOptions = true,
        name = "route",
        description = "Show which agent a message would reach and which rule matched.")
final class AgentsRouteCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--channel", required = true, paramLabel = "TYPE", description = "Channel type, e.g. telegram.")
    String channel;

    @Option(names = "--account", paramLabel = "NAME", description = "Receiving account name (default: none).")
    String account = "";

    @Option(names = "--peer", paramLabel = "ID", description = "Sender (does not change the result yet).")
    String peer = "";

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        return RoutingState.run(spec, (context, state) -> {
            ChannelAccount.parse(channel + (account.isEmpty() ? "" : ":" + account));
            Route route = state.router().resolve(channel, account, peer);
            if (json) {
                ObjectNode node = new ObjectMapper()
                        .createObjectNode()
                        .put("channel", channel)
                        .put("accountId", account)
                        .put("peer", peer)
                        .put("agentId", route.agentId())
                        .put("rule", route.rule().wireName())
                        .put("explanation", route.explanation());
                var checks = node.putArray("checks");
                route.checks().forEach(c -> {
                    ObjectNode check = checks.addObject()
                            .put("rule", c.rule().wireName())
                            .put("outcome", outcome(route, c))
                            .put("detail", c.detail());
                    c.agentId().ifPresent(a -> check.put("agentId", a));
                });
                context.out().println(node.toPrettyString());
                return 0;
            }
            context.out().println("agent: " + route.agentId());
            context.out().println("rule:  " + route.rule().wireName());
            context.out().println("why:   " + route.explanation());
            context.out().println("rules in priority order:");
            List<String[]> rows = new ArrayList<>();
            for (int i = 0; i < route.checks().size(); i++) {
                Route.Check c = route.checks().get(i);
                rows.add(new String[] {"  " + (i + 1) + ". " + c.rule().wireName(), outcome(route, c), c.detail()});
            }
            RoutingOutput.table(context.out(), rows);
            return 0;
        });
    }

    /** {@code matched}, {@code no match} (a higher rule that gave nothing) or {@code not reached}. */
    private static String outcome(Route route, Route.Check check) {
        if (check.rule() == route.rule()) {
            return "matched";
        }
        return check.rule().ordinal() < route.rule().ordinal() ? "no match" : "not reached";
    }
}
