package openclaw.routing;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which agent answers a message, by which rule, and why: {@code explanation} is one human sentence covering the rules
 * that did not apply and the one that did; {@code checks} has one entry per rule in priority order, for tools that
 * want to show each.
 *
 * @param agentId the agent that answers; always defined in config
 * @param rule the rule that chose it
 * @param explanation why, e.g. {@code "no binding for telegram account ops; the whole telegram channel is bound to
 *     support"}
 * @param checks every rule in priority order with what it would give
 */
public record Route(String agentId, Rule rule, String explanation, List<Check> checks) {

    public Route {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(explanation, "explanation");
        checks = List.copyOf(checks);
    }

    /** The routing rules, highest priority first. */
    public enum Rule {
        /** A binding of exactly this channel account. */
        ACCOUNT_BINDING,
        /** A binding of the whole channel (an empty account id). */
        CHANNEL_BINDING,
        /** Nothing usable is bound: the config's default agent. */
        DEFAULT_AGENT;

        /** Lowercase with hyphens, as in JSON output: {@code account-binding}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One rule as evaluated.
     *
     * @param rule the rule
     * @param agentId the agent this rule gives, empty when it gives none (nothing bound, or only unknown agents)
     * @param detail why, e.g. {@code "telegram account ops is bound to a, b; a wins (lowest agent id)"}
     */
    public record Check(Rule rule, Optional<String> agentId, String detail) {

        public Check {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(agentId, "agentId");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
