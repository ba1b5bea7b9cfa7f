package openclaw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import openclaw.config.OpenClawHome;
import openclaw.store.Store;
import openclaw.store.StoreSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openclaw sessions …} in-process against a temporary OPENCLAW_HOME with a seeded SQLite store. */
class SessionsCommandIT {

    static final String MAIN = "agent:main:main";
    static final String THREAD = "agent:helper:discord:u1:thread:9";

    @TempDir
    Path home;

    private final CliRunner cli = new CliRunner();

    @BeforeEach
    void seed() throws Exception {
        Files.writeString(home.resolve("openclaw.toml"), """
                [session]
                idleHours = 12

                [channels.discord.threads]
                idleHours = 48
                maxAgeHours = 168
                """);
        try (Store store = store()) {
            store.migrate();
            store.sessions().getOrCreate(MAIN, "main");
            store.transcripts().append(MAIN, "user", "{\"text\":\"an old question\"}");
            store.sessions().restart(MAIN);
            store.transcripts().append(MAIN, "user", "{\"text\":\"what time is it?\"}");
            store.transcripts()
                    .append(
                            MAIN,
                            "assistant",
                            "{\"text\":\"\",\"toolCalls\":[{\"id\":\"c1\",\"name\":\"current_time\","
                                    + "\"arguments\":\"{}\"}]}");
            store.transcripts()
                    .append(
                            MAIN,
                            "tool",
                            "{\"callId\":\"c1\",\"name\":\"current_time\",\"content\":\"12:00\",\"isError\":false}");
            store.transcripts().append(MAIN, "assistant", "{\"text\":\"It is noon.\\nAnything else?\"}");
            store.transcripts().append(MAIN, "error", "{\"message\":\"provider timed out\"}");
            store.sessions().getOrCreate(THREAD, "helper");
            store.transcripts().append(THREAD, "user", "{\"text\":\"hi from discord\"}");
        }
    }

    private Store store() {
        return Store.open(StoreSettings.of(new OpenClawHome(home).defaultStorageUrl()));
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
    void list_prints_a_table_most_recent_first_and_filters_by_agent() {
        assertThat(run("sessions", "list")).as(err()).isZero();
        String[] lines = out().split("\n");
        assertThat(lines[0]).startsWith("KEY").contains("AGENT", "MESSAGES", "LAST ACTIVITY", "EXPIRES");
        assertThat(lines[1]).startsWith(THREAD).contains("helper").contains(" 1 ");
        assertThat(lines[2]).startsWith(MAIN).contains(" 5 ");
        assertThat(lines).hasSize(3);

        assertThat(run("sessions", "list", "--agent", "main")).isZero();
        assertThat(out()).contains(MAIN).doesNotContain(THREAD);
        assertThat(run("sessions", "list", "--limit", "1")).isZero();
        assertThat(out()).contains(THREAD).doesNotContain(MAIN);
        assertThat(run("sessions", "list", "--agent", "nobody")).isZero();
        assertThat(out()).startsWith("no sessions of agent nobody in sqlite ");
    }

    @Test
    void list_json_reports_each_session_with_its_policy() throws Exception {
        assertThat(run("sessions", "list", "--json")).as(err()).isZero();

        JsonNode root = new ObjectMapper().readTree(out());
        assertThat(root.path("count").asInt()).isEqualTo(2);
        JsonNode thread = root.path("sessions").get(0);
        assertThat(thread.path("key").asText()).isEqualTo(THREAD);
        assertThat(thread.path("agentId").asText()).isEqualTo("helper");
        assertThat(thread.path("messages").asLong()).isEqualTo(1);
        assertThat(thread.path("expired").asBoolean()).isFalse();
        assertThat(thread.path("policy").path("idleHours").asInt()).isEqualTo(48);
        assertThat(thread.path("policy").path("maxAgeHours").asInt()).isEqualTo(168);
        assertThat(thread.path("expiresAt").asLong())
                .isEqualTo(thread.path("updatedAt").asLong() + 48 * 3_600_000L);
        JsonNode main = root.path("sessions").get(1);
        assertThat(main.path("messages").asLong()).isEqualTo(5);
        assertThat(main.path("storedEntries").asLong()).isEqualTo(6);
        assertThat(main.path("policy").path("idleHours").asInt()).isEqualTo(12);
    }

    @Test
    void show_prints_the_details_and_the_current_conversation_readably() {
        assertThat(run("sessions", "show", MAIN)).as(err()).isZero();

        assertThat(out())
                .contains("Session        " + MAIN)
                .contains("Agent          main")
                .contains("Messages       5 in the current conversation, 6 stored")
                .contains("Policy         idle 12 h, max age off")
                .contains("user       what time is it?")
                .contains("assistant  → current_time {}")
                .contains("tool       current_time: 12:00")
                .contains("assistant  It is noon.")
                .contains("error      provider timed out")
                .doesNotContain("an old question");
        assertThat(out()).containsPattern("\n {33}Anything else\\?");
    }

    @Test
    void show_limits_the_messages_and_prints_json() throws Exception {
        assertThat(run("sessions", "show", MAIN, "--limit", "2")).isZero();
        assertThat(out())
                .contains("(the last 2 of 5 messages; see more with --limit)")
                .contains("It is noon.")
                .doesNotContain("what time is it?");

        assertThat(run("sessions", "show", THREAD, "--json")).isZero();
        JsonNode root = new ObjectMapper().readTree(out());
        assertThat(root.path("session").path("key").asText()).isEqualTo(THREAD);
        assertThat(root.path("messages").get(0).path("role").asText()).isEqualTo("user");
        assertThat(root.path("messages").get(0).path("content").path("text").asText())
                .isEqualTo("hi from discord");
    }

    @Test
    void reset_starts_a_new_conversation_and_keeps_the_transcript() {
        assertThat(run("sessions", "reset", MAIN)).as(err()).isZero();
        assertThat(out()).contains("reset " + MAIN).contains("the transcript (6 entries) stays stored");

        assertThat(run("sessions", "show", MAIN)).isZero();
        assertThat(out()).contains("(no messages in the current conversation)");
        try (Store store = store()) {
            assertThat(store.transcripts().count(MAIN)).isEqualTo(6);
        }
    }

    @Test
    void delete_removes_the_session_and_says_so() {
        assertThat(run("sessions", "delete", THREAD)).as(err()).isZero();
        assertThat(out()).contains("deleted session " + THREAD + " and its transcript (1 entry)");

        assertThat(run("sessions", "list")).isZero();
        assertThat(out()).doesNotContain(THREAD);
    }

    @Test
    void an_unknown_key_fails_naming_the_key_and_the_list_command() {
        for (String command : new String[] {"show", "reset", "delete"}) {
            assertThat(run("sessions", command, "agent:main:nope")).as(command).isEqualTo(1);
            assertThat(err())
                    .as(command)
                    .contains("no session 'agent:main:nope'")
                    .contains("openclaw sessions list");
        }
    }

    @Test
    void an_empty_key_or_a_negative_limit_is_a_usage_error() {
        assertThat(run("sessions", "show", "")).isEqualTo(2);
        assertThat(err()).contains("must not be empty");
        assertThat(run("sessions", "list", "--limit", "-1")).isEqualTo(2);
        assertThat(err()).contains("--limit");
    }

    @Test
    void an_invalid_config_is_reported_with_exit_code_2() throws Exception {
        Files.writeString(home.resolve("openclaw.toml"), "[session]\nidleHours = -1\n");

        assertThat(run("sessions", "list")).isEqualTo(2);
        assertThat(err()).contains("idleHours").contains("out of range");
    }
}
