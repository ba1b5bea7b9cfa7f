package openclaw.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import openclaw.config.ChannelConfig;
import openclaw.config.OpenClawConfig;
import openclaw.store.AgentStore;
import openclaw.store.Binding;

/**
 * Lists, adds and removes agent ↔ channel-account bindings with the checks the CLI and the control plane share: a
 * binding needs an agent the config defines, may name an account that is not configured yet (it is then inactive),
 * and adding or removing one is idempotent. Nothing is cached, so changes by another process are seen at once.
 * Thread-safe.
 */
public final class Bindings {

    private static final Comparator<BindingView> OLDEST_FIRST =
            Comparator.comparing(v -> v.binding().createdAt());

    private final AgentStore store;
    private final Supplier<OpenClawConfig> config;

    /** Bindings in {@code store}, checked against the current {@code config}. */
    public Bindings(AgentStore store, Supplier<OpenClawConfig> config) {
        this.store = Objects.requireNonNull(store, "store");
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * The result of {@link #bind}.
     *
     * @param binding the binding (the existing one, with its original time, when it was already there)
     * @param created false when the binding already existed
     */
    public record BindOutcome(BindingView binding, boolean created) {}

    /**
     * A resolved {@code --account NAME}.
     *
     * @param account the channel account
     * @param note how it was resolved when that is worth telling, e.g. that the account is not configured yet
     */
    public record Resolved(ChannelAccount account, Optional<String> note) {}

    /** The agents of the current config. */
    public AgentRoster agents() {
        return AgentRoster.of(config.get());
    }

    /** Every binding, oldest first (ties in channel, account, agent order). */
    public List<BindingView> list() {
        OpenClawConfig current = config.get();
        AgentRoster roster = AgentRoster.of(current);
        return store.listBindings().stream()
                .map(b -> view(b, current, roster))
                .sorted(OLDEST_FIRST)
                .toList();
    }

    /**
     * Checks that the current config defines {@code agentId}.
     *
     * @throws RoutingException {@code UNKNOWN_AGENT} naming the agent and listing the known ones
     */
    public void requireAgent(String agentId) {
        AgentRoster roster = agents();
        if (!roster.defines(agentId)) {
            throw unknownAgent(agentId, roster);
        }
    }

    /**
     * Binds {@code target} to {@code agentId}; binding again changes nothing.
     *
     * @throws RoutingException {@code UNKNOWN_AGENT} when the config does not define the agent
     */
    public BindOutcome bind(String agentId, ChannelAccount target) {
        OpenClawConfig current = config.get();
        AgentRoster roster = AgentRoster.of(current);
        if (!roster.defines(agentId)) {
            throw unknownAgent(agentId, roster);
        }
        ChannelAccount.checkType(target.channel(), "");
        boolean existed = find(agentId, target).isPresent();
        Binding b = store.bind(agentId, target.channel(), target.accountId());
        return new BindOutcome(view(b, current, roster), !existed);
    }

    /**
     * Removes one binding. The agent need not be defined any more, so bindings of removed agents can be cleaned up.
     *
     * @return the removed binding
     * @throws RoutingException {@code NOT_BOUND} when there is no such binding
     */
    public BindingView unbind(String agentId, ChannelAccount target) {
        OpenClawConfig current = config.get();
        AgentRoster roster = AgentRoster.of(current);
        Optional<Binding> existing = find(agentId, target);
        if (existing.isEmpty() || !store.unbind(agentId, target.channel(), target.accountId())) {
            List<String> own = list().stream()
                    .filter(v -> v.agentId().equals(agentId))
                    .map(v -> v.target().target())
                    .toList();
            String bound = own.isEmpty() ? agentId + " has no bindings" : "its bindings: " + String.join(", ", own);
            String agents = roster.defines(agentId) || !own.isEmpty()
                    ? ""
                    : "; " + unknownAgent(agentId, roster).getMessage();
            throw new RoutingException(
                    RoutingException.Reason.NOT_BOUND,
                    agentId + " is not bound to " + target.target() + " (" + bound + ")" + agents);
        }
        return view(existing.get(), current, roster);
    }

    /**
     * Resolves an account name ({@code --account NAME}) to its channel: {@code channel:account} as written; else the one
     * channel whose config has {@code [channels.<type>.accounts.NAME]}; else, for a name like {@code whatsapp-main}, the
     * channel its prefix names (the account is then not configured yet and the binding inactive until it is).
     * With {@code boundTo} (unbinding), that agent's stored bindings of the name are tried first, so a binding whose
     * account was removed from config can still be removed.
     *
     * @throws RoutingException {@code AMBIGUOUS_ACCOUNT} when several channels have the name, {@code BAD_TARGET} when
     *     no channel can be found
     */
    public Resolved resolveAccount(String name, Optional<String> boundTo) {
        if (name.contains(":")) {
            return new Resolved(ChannelAccount.parse(name), Optional.empty());
        }
        ChannelAccount.checkAccountName(name);
        if (boundTo.isPresent()) {
            List<ChannelAccount> stored = store.listBindings().stream()
                    .filter(b ->
                            b.agentId().equals(boundTo.get()) && b.accountId().equals(name))
                    .map(b -> new ChannelAccount(b.channel(), b.accountId()))
                    .toList();
            if (stored.size() == 1) {
                return new Resolved(stored.getFirst(), Optional.empty());
            }
            if (stored.size() > 1) {
                throw ambiguous(name, stored, "is bound on several channels");
            }
        }
        OpenClawConfig current = config.get();
        List<ChannelAccount> configured = current.channels().entrySet().stream()
                .filter(e -> e.getValue().accounts().containsKey(name))
                .map(e -> new ChannelAccount(e.getKey(), name))
                .sorted(Comparator.comparing(ChannelAccount::channel))
                .toList();
        if (configured.size() == 1) {
            return new Resolved(configured.getFirst(), Optional.empty());
        }
        if (configured.size() > 1) {
            throw ambiguous(name, configured, "is configured on several channels");
        }
        return inferred(name, current);
    }

    private static Resolved inferred(String name, OpenClawConfig current) {
        for (String type : ChannelConfig.TYPES) {
            if (name.startsWith(type + "-")) {
                ChannelAccount account = new ChannelAccount(type, name);
                String rest = name.substring(type.length() + 1);
                boolean shortName = Optional.ofNullable(current.channels().get(type))
                        .map(c -> c.accounts().containsKey(rest))
                        .orElse(false);
                String note = account.table() + " is not configured yet, so the binding stays inactive until it is"
                        + " (openclaw channels add --type " + type + " --account " + name + ")"
                        + (shortName ? "; did you mean the configured account --bind " + type + ":" + rest + "?" : "");
                return new Resolved(account, Optional.of(note));
            }
        }
        String fix = ChannelConfig.TYPES.contains(name)
                ? "\"" + name + "\" is a channel type: bind the whole channel with --bind " + name
                        + ", or one account with --bind " + name + ":ACCOUNT"
                : "no [channels.<type>.accounts." + name + "] is configured and the name does not start with a"
                        + " channel type (like whatsapp-" + name + "); name the channel with --bind <type>:" + name
                        + ", or configure the account first with openclaw channels add --type <type> --account "
                        + name;
        throw new RoutingException(RoutingException.Reason.BAD_TARGET, fix);
    }

    private static RoutingException ambiguous(String name, List<ChannelAccount> candidates, String what) {
        List<String> specs = candidates.stream().map(ChannelAccount::spec).toList();
        return new RoutingException(
                RoutingException.Reason.AMBIGUOUS_ACCOUNT,
                "account name \"" + name + "\" " + what + ": " + String.join(", ", specs)
                        + "; name the channel, e.g. --bind " + specs.getFirst());
    }

    static RoutingException unknownAgent(String agentId, AgentRoster roster) {
        return new RoutingException(
                RoutingException.Reason.UNKNOWN_AGENT,
                "no agent \"" + agentId + "\" in the config (define it with an [agents." + agentId
                        + "] table); known agents: " + String.join(", ", roster.ids()));
    }

    private Optional<Binding> find(String agentId, ChannelAccount target) {
        return store.listBindings().stream()
                .filter(b -> b.agentId().equals(agentId)
                        && b.channel().equals(target.channel())
                        && b.accountId().equals(target.accountId()))
                .findFirst();
    }

    static BindingView view(Binding b, OpenClawConfig config, AgentRoster roster) {
        ChannelAccount target = new ChannelAccount(b.channel(), b.accountId());
        return new BindingView(b, target, target.active(config), roster.defines(b.agentId()));
    }
}
