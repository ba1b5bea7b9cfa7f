package openclaw.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import openclaw.routing.Route.Rule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RouterTest extends RoutingFixture {

    private Router router;

    @BeforeEach
    void defineAgents() {
        config("""
                [agents.main]
                [agents.research-bot]
                [agents.support]
                [agents.zeta]
                """);
        router = new Router(agents(), config::get);
    }

    @Test
    void an_account_binding_beats_a_channel_binding_which_beats_the_default_agent() {
        bind("support", "telegram", "");
        bind("research-bot", "telegram", "ops");

        Route account = router.resolve("telegram", "ops", "u1");
        assertThat(account.agentId()).isEqualTo("research-bot");
        assertThat(account.rule()).isEqualTo(Rule.ACCOUNT_BINDING);
        assertThat(account.explanation()).isEqualTo("telegram account ops is bound to research-bot");

        Route channel = router.resolve("telegram", "sales", "u1");
        assertThat(channel.agentId()).isEqualTo("support");
        assertThat(channel.rule()).isEqualTo(Rule.CHANNEL_BINDING);
        assertThat(channel.explanation())
                .isEqualTo("no binding for telegram account sales; the whole telegram channel is bound to support");

        Route fallback = router.resolve("discord", "ops", "u1");
        assertThat(fallback.agentId()).isEqualTo("main");
        assertThat(fallback.rule()).isEqualTo(Rule.DEFAULT_AGENT);
        assertThat(fallback.explanation())
                .isEqualTo("no binding for discord account ops; no binding for the whole discord channel;"
                        + " main is the default agent");
    }

    @Test
    void every_rule_is_reported_in_priority_order_with_what_it_would_give() {
        bind("support", "telegram", "");
        bind("research-bot", "telegram", "ops");

        Route route = router.resolve("telegram", "ops", "u1");

        assertThat(route.checks())
                .extracting(Route.Check::rule, Route.Check::agentId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Rule.ACCOUNT_BINDING, Optional.of("research-bot")),
                        org.assertj.core.groups.Tuple.tuple(Rule.CHANNEL_BINDING, Optional.of("support")),
                        org.assertj.core.groups.Tuple.tuple(Rule.DEFAULT_AGENT, Optional.of("main")));
    }

    @Test
    void several_agents_bound_at_one_level_resolve_to_the_lowest_agent_id_and_say_so() {
        bind("zeta", "telegram", "ops");
        bind("support", "telegram", "ops");
        bind("research-bot", "telegram", "ops");

        for (int i = 0; i < 3; i++) {
            Route route = router.resolve("telegram", "ops", "u" + i);
            assertThat(route.agentId()).isEqualTo("research-bot");
            assertThat(route.explanation())
                    .isEqualTo("telegram account ops is bound to research-bot, support, zeta;"
                            + " research-bot wins (lowest agent id)");
        }
    }

    @Test
    void a_binding_to_an_agent_missing_from_config_is_skipped_and_routing_falls_through() {
        bind("ghost", "telegram", "ops");
        bind("support", "telegram", "");

        Route route = router.resolve("telegram", "ops", "u1");

        assertThat(route.agentId()).isEqualTo("support");
        assertThat(route.rule()).isEqualTo(Rule.CHANNEL_BINDING);
        assertThat(route.explanation())
                .startsWith("telegram account ops is bound only to unknown agents, skipped ghost"
                        + " (not defined in config: no [agents.ghost])");
    }

    @Test
    void a_skipped_unknown_agent_is_mentioned_next_to_the_agent_that_wins() {
        bind("aaa-ghost", "telegram", "ops");
        bind("support", "telegram", "ops");

        Route route = router.resolve("telegram", "ops", "u1");

        assertThat(route.agentId()).isEqualTo("support");
        assertThat(route.explanation())
                .isEqualTo("telegram account ops is bound to support, skipped aaa-ghost (not defined in config:"
                        + " no [agents.aaa-ghost])");
    }

    @Test
    void binding_changes_made_after_the_router_was_built_apply_to_the_next_message() {
        assertThat(router.resolve("whatsapp", "whatsapp-main", "p").agentId()).isEqualTo("main");

        bind("research-bot", "whatsapp", "whatsapp-main");
        assertThat(router.resolve("whatsapp", "whatsapp-main", "p").agentId()).isEqualTo("research-bot");

        agents().unbind("research-bot", "whatsapp", "whatsapp-main");
        assertThat(router.resolve("whatsapp", "whatsapp-main", "p").agentId()).isEqualTo("main");
    }

    @Test
    void a_reloaded_config_applies_without_a_new_router() {
        bind("newcomer", "telegram", "ops");
        assertThat(router.resolve("telegram", "ops", "p").rule()).isEqualTo(Rule.DEFAULT_AGENT);

        config("""
                [agents.main]
                [agents.newcomer]
                """);

        Route route = router.resolve("telegram", "ops", "p");
        assertThat(route.agentId()).isEqualTo("newcomer");
        assertThat(route.rule()).isEqualTo(Rule.ACCOUNT_BINDING);
    }

    @Test
    void the_default_agent_follows_the_config_main_then_default_then_the_first_id() {
        config("""
                [agents.default]
                [agents.alpha]
                """);
        assertThat(router.resolve("telegram", "ops", "p").agentId()).isEqualTo("default");

        config("""
                [agents.beta]
                [agents.alpha]
                """);
        assertThat(router.resolve("telegram", "ops", "p").agentId()).isEqualTo("alpha");

        config("");
        assertThat(router.resolve("telegram", "ops", "p").agentId()).isEqualTo("main");
    }

    @Test
    void a_message_without_an_account_uses_channel_bindings_only() {
        bind("research-bot", "webchat", "ops");
        bind("support", "webchat", "");

        Route route = router.resolve("webchat", "", "p");

        assertThat(route.agentId()).isEqualTo("support");
        assertThat(route.explanation()).startsWith("no account given; ");
    }

    @Test
    void resolving_from_many_threads_gives_the_same_answer() throws Exception {
        bind("support", "telegram", "");
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var results = new java.util.ArrayList<java.util.concurrent.Future<String>>();
            for (int i = 0; i < 50; i++) {
                results.add(executor.submit(
                        () -> router.resolve("telegram", "x", "p").agentId()));
            }
            for (var r : results) {
                assertThat(r.get()).isEqualTo("support");
            }
        }
    }
}
