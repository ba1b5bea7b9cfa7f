package openclaw.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BindingsTest extends RoutingFixture {

    private Bindings bindings;

    @BeforeEach
    void configure() {
        config("""
                [agents.research-bot]
                [agents.devops-bot]

                [channels.whatsapp.accounts.whatsapp-personal]
                [channels.discord.accounts.discord-engineering]
                [channels.telegram.accounts.ops]
                [channels.discord.accounts.ops]
                [channels.slack.accounts.off]
                enabled = false
                """);
        bindings = new Bindings(agents(), config::get);
    }

    private ChannelAccount account(String name) {
        return bindings.resolveAccount(name, Optional.empty()).account();
    }

    @Test
    void the_seed_example_lists_as_agent_arrow_account_with_its_status() {
        clock.advance(java.time.Duration.ofSeconds(1));
        bindings.bind("research-bot", account("whatsapp-personal"));
        clock.advance(java.time.Duration.ofSeconds(1));
        bindings.bind("devops-bot", account("discord-engineering"));

        assertThat(bindings.list())
                .extracting(BindingView::line)
                .containsExactly(
                        "research-bot → whatsapp-personal (active)", "devops-bot → discord-engineering (active)");
    }

    @Test
    void an_account_name_resolves_to_the_one_channel_that_configures_it() {
        assertThat(account("whatsapp-personal")).isEqualTo(new ChannelAccount("whatsapp", "whatsapp-personal"));
        assertThat(bindings.resolveAccount("whatsapp-personal", Optional.empty())
                        .note())
                .isEmpty();
    }

    @Test
    void an_account_name_configured_on_two_channels_is_ambiguous_and_lists_the_candidates() {
        assertThatThrownBy(() -> account("ops"))
                .isInstanceOfSatisfying(RoutingException.class, e -> assertThat(e.reason())
                        .isEqualTo(RoutingException.Reason.AMBIGUOUS_ACCOUNT))
                .hasMessageContaining("discord:ops, telegram:ops")
                .hasMessageContaining("--bind discord:ops");
        assertThat(account("telegram:ops")).isEqualTo(new ChannelAccount("telegram", "ops"));
    }

    @Test
    void an_unconfigured_name_with_a_channel_prefix_binds_that_channel_and_says_it_is_not_configured() {
        Bindings.Resolved r = bindings.resolveAccount("whatsapp-main", Optional.empty());

        assertThat(r.account()).isEqualTo(new ChannelAccount("whatsapp", "whatsapp-main"));
        assertThat(r.note()).hasValueSatisfying(n -> assertThat(n)
                .contains("[channels.whatsapp.accounts.whatsapp-main] is not configured yet")
                .contains("openclaw channels add --type whatsapp --account whatsapp-main"));
    }

    @Test
    void a_prefixed_name_whose_short_form_is_configured_suggests_the_configured_account() {
        assertThat(bindings.resolveAccount("telegram-ops", Optional.empty()).note())
                .hasValueSatisfying(
                        n -> assertThat(n).contains("did you mean the configured account --bind telegram:ops"));
    }

    @Test
    void a_name_without_channel_or_config_is_rejected_with_both_fixes() {
        assertThatThrownBy(() -> account("personal"))
                .isInstanceOf(RoutingException.class)
                .hasMessageContaining("--bind <type>:personal")
                .hasMessageContaining("openclaw channels add --type <type> --account personal");
        assertThatThrownBy(() -> account("telegram"))
                .hasMessageContaining("\"telegram\" is a channel type")
                .hasMessageContaining("--bind telegram");
        assertThatThrownBy(() -> account("bad name")).hasMessageContaining("invalid account name \"bad name\"");
    }

    @Test
    void binding_is_idempotent_and_keeps_the_original_time() {
        Bindings.BindOutcome first = bindings.bind("research-bot", account("whatsapp-personal"));
        clock.advance(java.time.Duration.ofMinutes(5));
        Bindings.BindOutcome second = bindings.bind("research-bot", account("whatsapp-personal"));

        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.binding().binding().createdAt())
                .isEqualTo(first.binding().binding().createdAt());
        assertThat(bindings.list()).hasSize(1);
    }

    @Test
    void binding_an_unknown_agent_names_it_and_lists_the_known_agents() {
        assertThatThrownBy(() -> bindings.bind("reserch-bot", account("whatsapp-personal")))
                .isInstanceOfSatisfying(RoutingException.class, e -> assertThat(e.reason())
                        .isEqualTo(RoutingException.Reason.UNKNOWN_AGENT))
                .hasMessageContaining("no agent \"reserch-bot\"")
                .hasMessageContaining("[agents.reserch-bot]")
                .hasMessageContaining("known agents: devops-bot, main, research-bot");
        assertThat(bindings.list()).isEmpty();
    }

    @Test
    void a_binding_to_an_unconfigured_account_is_kept_inactive_and_turns_active_once_configured() {
        bindings.bind("research-bot", account("whatsapp-main"));
        assertThat(bindings.list())
                .extracting(BindingView::line)
                .containsExactly("research-bot → whatsapp-main (inactive)");

        config("""
                [agents.research-bot]
                [channels.whatsapp.accounts.whatsapp-main]
                """);

        assertThat(bindings.list())
                .extracting(BindingView::line)
                .containsExactly("research-bot → whatsapp-main (active)");
    }

    @Test
    void a_disabled_account_is_inactive_and_a_whole_channel_is_active_with_any_enabled_account() {
        bindings.bind("research-bot", ChannelAccount.parse("slack:off"));
        bindings.bind("devops-bot", ChannelAccount.parse("slack"));
        bindings.bind("devops-bot", ChannelAccount.parse("telegram:*"));

        assertThat(bindings.list())
                .extracting(BindingView::line)
                .containsExactlyInAnyOrder(
                        "research-bot → slack:off (inactive)",
                        "devops-bot → slack (inactive)",
                        "devops-bot → telegram (active)");
    }

    @Test
    void a_binding_whose_agent_left_the_config_is_listed_and_can_still_be_removed() {
        bindings.bind("research-bot", account("whatsapp-personal"));
        config("""
                [channels.whatsapp.accounts.other]
                """);

        assertThat(bindings.list())
                .extracting(BindingView::line)
                .containsExactly("research-bot → whatsapp-personal (inactive, agent not in config)");
        ChannelAccount stored = bindings.resolveAccount("whatsapp-personal", Optional.of("research-bot"))
                .account();
        assertThat(bindings.unbind("research-bot", stored).agentId()).isEqualTo("research-bot");
        assertThat(bindings.list()).isEmpty();
    }

    @Test
    void unbinding_what_is_not_bound_says_what_the_agent_is_bound_to() {
        bindings.bind("research-bot", account("whatsapp-personal"));

        assertThatThrownBy(() -> bindings.unbind("research-bot", ChannelAccount.parse("telegram:ops")))
                .isInstanceOfSatisfying(RoutingException.class, e -> assertThat(e.reason())
                        .isEqualTo(RoutingException.Reason.NOT_BOUND))
                .hasMessage("research-bot is not bound to telegram:ops (its bindings: whatsapp-personal)");
        assertThat(bindings.list()).hasSize(1);
    }
}
