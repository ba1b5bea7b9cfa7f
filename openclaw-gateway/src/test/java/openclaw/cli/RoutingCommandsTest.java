package openclaw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import openclaw.config.ConfigLoader;
import openclaw.config.OpenClawHome;
import openclaw.routing.Route;
import openclaw.routing.Router;
import openclaw.store.Store;
import openclaw.store.StoreSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openclaw agents …} and {@code openclaw channels …} in-process against a temporary OPENCLAW_HOME. */
class RoutingCommandsTest {

    @TempDir
    Path home;

    private final CliRunner cli = new CliRunner();

    @BeforeEach
    void writeConfig() throws Exception {
        Files.writeString(config(), """
                # my agents
                [agents.main]

                [agents.research-bot]
                systemPrompt = "Research."

                [agents.devops-bot]

                [agents.my-agent]

                [channels.whatsapp.accounts.whatsapp-personal]
                [channels.discord.accounts.discord-engineering]
                """);
    }

    private Path config() {
        return home.resolve("openclaw.toml");
    }

    private int run(String... args) {
        return cli.run(home, args);
    }

    private String out() {
        return cli.out();
    }

    private String err() {
        return cli.err();
    }

    @Test
    void the_seed_example_binds_two_agents_and_lists_them_as_active() {
        assertThat(run("agents", "bind", "--agent", "research-bot", "--account", "whatsapp-personal"))
                .as(err())
                .isZero();
        assertThat(out()).isEqualTo("bound research-bot → whatsapp-personal (active)\n");
        assertThat(run("agents", "bind", "--agent", "devops-bot", "--account", "discord-engineering"))
                .isZero();

        assertThat(run("agents", "bindings")).isZero();

        assertThat(out())
                .isEqualTo("research-bot → whatsapp-personal (active)\ndevops-bot → discord-engineering (active)\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void a_binding_to_an_unconfigured_account_is_inactive_until_channels_add_configures_it() throws Exception {
        assertThat(run("agents", "bind", "--agent", "research-bot", "--account", "whatsapp-main"))
                .as(err())
                .isZero();
        assertThat(out()).isEqualTo("bound research-bot → whatsapp-main (inactive)\n");
        assertThat(err()).contains("note: [channels.whatsapp.accounts.whatsapp-main] is not configured yet");

        run("agents", "bindings");
        assertThat(out()).isEqualTo("research-bot → whatsapp-main (inactive)\n");
        assertThat(err())
                .contains("hint: whatsapp-main is inactive until")
                .contains("openclaw channels add --type whatsapp --account whatsapp-main");

        assertThat(run("channels", "add", "--type", "whatsapp", "--account", "whatsapp-main"))
                .as(err())
                .isZero();
        assertThat(out()).contains("added [channels.whatsapp.accounts.whatsapp-main] to " + config());

        run("agents", "bindings");
        assertThat(out()).isEqualTo("research-bot → whatsapp-main (active)\n");
        assertThat(Files.readString(config()))
                .startsWith("# my agents\n[agents.main]\n\n[agents.research-bot]\nsystemPrompt = \"Research.\"\n")
                .endsWith("[channels.whatsapp.accounts.whatsapp-main]\nenabled = true\n");
    }

    @Test
    void channels_add_writes_the_default_account_and_binds_the_agent() throws Exception {
        assertThat(run("channels", "add", "--type", "telegram", "--bind-agent", "my-agent"))
                .as(err())
                .isZero();

        assertThat(out())
                .isEqualTo("added [channels.telegram.accounts.default] to " + config() + "\n"
                        + "bound my-agent → telegram:default (active)\n");
        assertThat(ConfigLoader.loadOrThrow(config(), Map.of())
                        .channels()
                        .get("telegram")
                        .accounts())
                .containsKey("default");

        assertThat(run("channels", "add", "--type", "telegram", "--bind-agent", "my-agent"))
                .isZero();
        assertThat(out())
                .isEqualTo("[channels.telegram.accounts.default] is already configured in " + config() + "\n"
                        + "already bound: my-agent → telegram:default (active)\n");
    }

    @Test
    void channels_add_enables_a_disabled_account_in_place() throws Exception {
        Files.writeString(config(), """
                [channels.telegram.accounts.ops]
                enabled = false # paused
                """);

        assertThat(run("channels", "add", "--type", "telegram", "--account", "ops"))
                .as(err())
                .isZero();

        assertThat(out()).startsWith("enabled [channels.telegram.accounts.ops]");
        assertThat(Files.readString(config())).isEqualTo("[channels.telegram.accounts.ops]\nenabled = true # paused\n");
    }

    @Test
    void channels_add_with_an_unknown_type_exits_2_with_a_suggestion_and_changes_nothing() throws Exception {
        String before = Files.readString(config());

        assertThat(run("channels", "add", "--type", "telegrm", "--bind-agent", "my-agent"))
                .isEqualTo(2);

        assertThat(err()).contains("unknown channel type \"telegrm\"").contains("did you mean \"telegram\"?");
        assertThat(Files.readString(config())).isEqualTo(before);
        assertThat(new OpenClawHome(home).stateDir()).doesNotExist();
    }

    @Test
    void channels_add_for_an_unknown_agent_exits_1_before_writing_the_config() throws Exception {
        String before = Files.readString(config());

        assertThat(run("channels", "add", "--type", "telegram", "--bind-agent", "ghost"))
                .isEqualTo(1);

        assertThat(err()).contains("no agent \"ghost\"").contains("known agents: devops-bot, main, my-agent");
        assertThat(Files.readString(config())).isEqualTo(before);
    }

    @Test
    void binding_an_unknown_agent_exits_1_naming_it_and_the_known_agents() {
        assertThat(run("agents", "bind", "--agent", "reserch-bot", "--account", "whatsapp-personal"))
                .isEqualTo(1);

        assertThat(err())
                .contains("no agent \"reserch-bot\" in the config (define it with an [agents.reserch-bot] table)")
                .contains("known agents: devops-bot, main, my-agent, research-bot")
                .contains("config file: " + config());
        run("agents", "bindings");
        assertThat(out()).startsWith("no bindings");
    }

    @Test
    void binding_twice_changes_nothing() {
        run("agents", "bind", "--agent", "my-agent", "--bind", "telegram");
        assertThat(run("agents", "bind", "--agent", "my-agent", "--bind", "telegram:*"))
                .isZero();

        assertThat(out()).isEqualTo("already bound: my-agent → telegram (inactive)\n");
        run("agents", "bindings", "--json");
        assertThat(out()).containsOnlyOnce("\"agentId\"").contains("\"accountId\" : \"\"");
    }

    @Test
    void an_ambiguous_account_name_exits_2_listing_the_candidates() throws Exception {
        Files.writeString(config(), """
                [agents.my-agent]
                [channels.telegram.accounts.ops]
                [channels.discord.accounts.ops]
                """);

        assertThat(run("agents", "bind", "--agent", "my-agent", "--account", "ops"))
                .isEqualTo(2);

        assertThat(err()).contains("discord:ops, telegram:ops").contains("--bind discord:ops");
    }

    @Test
    void unbind_removes_one_binding_and_reports_a_missing_one_with_exit_1() {
        run("agents", "bind", "--agent", "research-bot", "--account", "whatsapp-personal");

        assertThat(run("agents", "unbind", "--agent", "research-bot", "--account", "whatsapp-personal"))
                .as(err())
                .isZero();
        assertThat(out()).isEqualTo("unbound research-bot → whatsapp-personal (active)\n");

        assertThat(run("agents", "unbind", "--agent", "research-bot", "--account", "whatsapp-personal"))
                .isEqualTo(1);
        assertThat(err()).contains("research-bot is not bound to whatsapp-personal (research-bot has no bindings)");
    }

    @Test
    void unbind_all_removes_every_binding_of_the_agent_only() {
        run("agents", "bind", "--agent", "research-bot", "--bind", "telegram:a", "--bind", "discord");
        run("agents", "bind", "--agent", "devops-bot", "--bind", "telegram:a");

        assertThat(run("agents", "unbind", "--agent", "research-bot", "--all")).isZero();

        run("agents", "bindings");
        assertThat(out()).isEqualTo("devops-bot → telegram:a (inactive)\n");
    }

    @Test
    void route_prints_the_agent_the_matching_rule_and_why_the_others_did_not_match() {
        run("agents", "bind", "--agent", "devops-bot", "--bind", "telegram");

        assertThat(run("agents", "route", "--channel", "telegram", "--account", "A", "--peer", "P"))
                .as(err())
                .isZero();

        assertThat(out()).isEqualTo("""
                        agent: devops-bot
                        rule:  channel-binding
                        why:   no binding for telegram account A; the whole telegram channel is bound to devops-bot
                        rules in priority order:
                          1. account-binding  no match     no binding for telegram account A
                          2. channel-binding  matched      the whole telegram channel is bound to devops-bot
                          3. default-agent    not reached  main is the default agent
                        """);

        run("agents", "route", "--channel", "telegram", "--account", "A", "--peer", "P", "--json");
        assertThat(out()).contains("\"agentId\" : \"devops-bot\"").contains("\"rule\" : \"channel-binding\"");
    }

    @Test
    void a_router_built_before_a_cli_binding_change_sees_it_without_a_restart() {
        var config = ConfigLoader.loadOrThrow(config(), Map.of());
        try (Store gatewayStore = Store.open(StoreSettings.of(new OpenClawHome(home).defaultStorageUrl()))) {
            gatewayStore.migrate();
            Router router = new Router(gatewayStore.agents(), () -> config);
            assertThat(router.resolve("telegram", "ops", "p").rule()).isEqualTo(Route.Rule.DEFAULT_AGENT);

            run("agents", "bind", "--agent", "research-bot", "--bind", "telegram:ops");
            assertThat(router.resolve("telegram", "ops", "p").agentId()).isEqualTo("research-bot");

            run("agents", "unbind", "--agent", "research-bot", "--bind", "telegram:ops");
            assertThat(router.resolve("telegram", "ops", "p").agentId()).isEqualTo("main");
        }
    }

    @Test
    void agents_list_shows_the_default_marker_model_and_binding_count() {
        run("agents", "bind", "--agent", "research-bot", "--account", "whatsapp-personal");

        assertThat(run("agents", "list")).as(err()).isZero();

        assertThat(out()).contains("main (default)").containsPattern("research-bot +openai/gpt-5 +1 binding\n");
        assertThat(out()).containsPattern("devops-bot +\\S+ +0 bindings\n");
        run("agents", "list", "--json");
        assertThat(out()).contains("\"id\" : \"main\"").contains("\"default\" : true");
    }

    @Test
    void channels_list_shows_configured_and_bound_accounts() {
        run("agents", "bind", "--agent", "research-bot", "--account", "whatsapp-personal");
        run("agents", "bind", "--agent", "my-agent", "--account", "whatsapp-main");
        run("agents", "bind", "--agent", "devops-bot", "--bind", "discord");

        assertThat(run("channels", "list")).as(err()).isZero();

        assertThat(out()).isEqualTo("""
                        CHANNEL   ACCOUNT              STATE           AGENTS
                        discord   *                    active          devops-bot
                        discord   discord-engineering  enabled         -
                        whatsapp  whatsapp-main        not configured  my-agent
                        whatsapp  whatsapp-personal    enabled         research-bot
                        """);
    }

    @Test
    void an_invalid_config_exits_2_naming_the_file_and_key() throws Exception {
        Files.writeString(config(), "[channels.telegram.accounts.ops]\nenabeld = true\n");

        assertThat(run("agents", "bindings")).isEqualTo(2);

        assertThat(err()).contains(config() + ":2:1: channels.telegram.accounts.ops.enabeld: unknown key");
    }
}
