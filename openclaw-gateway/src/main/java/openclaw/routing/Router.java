package openclaw.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import openclaw.config.OpenClawConfig;
import openclaw.routing.Route.Check;
import openclaw.routing.Route.Rule;
import openclaw.store.AgentStore;
import openclaw.store.Binding;

/**
 * Picks the agent for an inbound message: a binding of the exact channel account, else a binding of the whole channel,
 * else the config's default agent. Bindings to agents the config does not define are skipped (and the explanation says
 * so); when several agents are bound at the same level the lowest agent id wins. Reads the bindings from the store and
 * the config from its supplier on every call, so bindings changed by another process (the CLI) and reloaded config
 * apply without a restart. Stateless and thread-safe; each call does one store query.
 */
public final class Router {

    private final AgentStore store;
    private final Supplier<OpenClawConfig> config;

    /** A router over the bindings of {@code store} and the agents of the current {@code config}. */
    public Router(AgentStore store, Supplier<OpenClawConfig> config) {
        this.store = Objects.requireNonNull(store, "store");
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * The agent for a message.
     *
     * @param channel the channel type, e.g. {@code telegram}
     * @param accountId the receiving account's name, {@code ""} when the channel has no accounts
     * @param peer who sent it; accepted for peer-level bindings, which do not exist yet, so it does not change the
     *     result
     */
    public Route resolve(String channel, String accountId, String peer) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(peer, "peer");
        AgentRoster roster = AgentRoster.of(config.get());
        List<Binding> onChannel = store.listBindings().stream()
                .filter(b -> b.channel().equals(channel))
                .toList();
        Check account = accountId.isEmpty()
                ? new Check(Rule.ACCOUNT_BINDING, Optional.empty(), "no account given")
                : level(
                        Rule.ACCOUNT_BINDING,
                        onChannel.stream()
                                .filter(b -> b.accountId().equals(accountId))
                                .toList(),
                        roster,
                        channel + " account " + accountId);
        Check whole = level(
                Rule.CHANNEL_BINDING,
                onChannel.stream().filter(b -> b.accountId().isEmpty()).toList(),
                roster,
                "the whole " + channel + " channel");
        Check fallback = new Check(
                Rule.DEFAULT_AGENT, Optional.of(roster.defaultId()), roster.defaultId() + " is the default agent");
        List<Check> checks = List.of(account, whole, fallback);
        List<String> why = new ArrayList<>();
        for (Check check : checks) {
            why.add(check.detail());
            if (check.agentId().isPresent()) {
                return new Route(check.agentId().get(), check.rule(), String.join("; ", why), checks);
            }
        }
        throw new IllegalStateException("the default agent always matches");
    }

    private static Check level(Rule rule, List<Binding> bound, AgentRoster roster, String subject) {
        List<String> agents =
                bound.stream().map(Binding::agentId).distinct().sorted().toList();
        if (agents.isEmpty()) {
            return new Check(rule, Optional.empty(), "no binding for " + subject);
        }
        List<String> defined = agents.stream().filter(roster::defines).toList();
        List<String> skipped = agents.stream().filter(a -> !roster.defines(a)).toList();
        String skippedText = skipped.isEmpty()
                ? ""
                : ", skipped " + String.join(", ", skipped) + " (not defined in config: "
                        + skipped.stream().map(a -> "no [agents." + a + "]").collect(Collectors.joining(", ")) + ")";
        if (defined.isEmpty()) {
            return new Check(rule, Optional.empty(), subject + " is bound only to unknown agents" + skippedText);
        }
        String chosen = defined.getFirst();
        String detail = subject + " is bound to " + String.join(", ", defined)
                + (defined.size() > 1 ? "; " + chosen + " wins (lowest agent id)" : "") + skippedText;
        return new Check(rule, Optional.of(chosen), detail);
    }
}
