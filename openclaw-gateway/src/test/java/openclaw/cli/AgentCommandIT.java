package openclaw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import openclaw.config.OpenClawHome;
import openclaw.server.GatewayOptions;
import openclaw.server.GatewayProcess;
import openclaw.store.Store;
import openclaw.store.StoreSettings;
import openclaw.store.TranscriptEntry;
import openclaw.testkit.provider.openai.FakeOpenAiChatServer;
import openclaw.testkit.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openclaw agent --local} end to end: config, provider over loopback HTTP, tools, transcript in SQLite. */
class AgentCommandIT {

    @TempDir
    Path home;

    private FakeOpenAiChatServer model;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        model = FakeOpenAiChatServer.start();
        Files.writeString(home.resolve("openclaw.toml"), """
                [providers.local]
                type = "openai-chat"
                baseUrl = "%s"
                apiKey = "${env:LOCAL_KEY}"

                [agents.main]
                systemPrompt = "You are terse."
                tools = ["current_time"]
                [agents.main.model]
                provider = "local"
                name = "test-model"
                """.formatted(model.baseUrl()));
    }

    @AfterEach
    void stop() {
        model.close();
    }

    private int run(String... args) {
        return Cli.execute(
                args,
                Map.of("OPENCLAW_HOME", home.toString(), "LOCAL_KEY", "sk-local-123456"),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private java.util.List<TranscriptEntry> transcript(String key) {
        try (Store store = Store.open(StoreSettings.of(new OpenClawHome(home).defaultStorageUrl()))) {
            return store.transcripts().read(key, 0, 100);
        }
    }

    @Test
    void a_turn_with_a_tool_call_streams_the_reply_and_persists_the_transcript() {
        model.toolCallTurn("call_1", "current_time", "{}");
        model.textTurn("It is ", "noon.");
        assertThat(run("agent", "--local", "--message", "what time is it?"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("It is noon.");
        assertThat(err.toString()).contains("[tool current_time");
        assertThat(model.requests()).hasSize(2);
        assertThat(model.requests().get(0).headers().get("authorization")).isEqualTo("Bearer sk-local-123456");
        assertThat(model.requests().get(1).body()).contains("call_1").contains("You are terse.");
        assertThat(transcript("agent:main:main"))
                .extracting(TranscriptEntry::role)
                .containsExactly("user", "assistant", "tool", "assistant");
    }

    @Test
    void json_output_reports_the_outcome_and_usage() {
        model.textTurn("hello");
        assertThat(run("agent", "--local", "--json", "--session-key", "agent:main:cli-test", "-m", "hi"))
                .isZero();
        assertThat(out.toString())
                .contains("\"outcome\" : \"completed\"")
                .contains("\"text\" : \"hello\"")
                .contains("\"model\" : \"local/test-model\"")
                .contains("\"sessionKey\" : \"agent:main:cli-test\"")
                .contains("\"inputTokens\" : 10");
        assertThat(transcript("agent:main:cli-test")).hasSize(2);
    }

    @Test
    void a_provider_failure_is_reported_and_the_exit_code_is_1() {
        model.error(401, 0, "invalid api key");
        assertThat(run("agent", "--local", "-m", "hi")).isEqualTo(1);
        assertThat(err.toString()).contains("HTTP 401").doesNotContain("sk-local-123456");
    }

    @Test
    void without_local_and_without_a_gateway_the_command_says_how_to_start_one() {
        assertThat(run("agent", "-m", "hi", "--url", "ws://127.0.0.1:1/")).isEqualTo(1);
        assertThat(err.toString()).contains("openclaw gateway").contains("--local");
    }

    @Test
    void without_local_the_turn_runs_in_the_gateway_over_its_control_socket_and_status_works_too() {
        Map<String, String> env = Map.of("OPENCLAW_HOME", home.toString(), "LOCAL_KEY", "sk-local-123456");
        try (GatewayProcess gateway = GatewayProcess.start(
                GatewayOptions.forHome(new OpenClawHome(home), env).withPort(0).withoutLoggingSetup())) {
            model.toolCallTurn("call_1", "current_time", "{}");
            model.textTurn("It is ", "noon.");
            assertThat(run("agent", "--message", "what time is it?"))
                    .as(err.toString())
                    .isZero();
            assertThat(out.toString()).contains("It is noon.");
            assertThat(err.toString()).contains("[tool current_time");
            out.reset();
            model.textTurn("json reply");
            assertThat(run("agent", "--json", "--session-key", "agent:main:remote", "-m", "hi"))
                    .as(err.toString())
                    .isZero();
            assertThat(out.toString()).contains("\"text\" : \"json reply\"").contains("\"status\" : \"ok\"");
            out.reset();
            assertThat(run("gateway", "status")).as(err.toString()).isZero();
            assertThat(out.toString())
                    .contains("Gateway:   started")
                    .contains("Listening: http://127.0.0.1:" + gateway.port());
        }
        assertThat(transcript("agent:main:main"))
                .extracting(TranscriptEntry::role)
                .containsExactly("user", "assistant", "tool", "assistant");
        assertThat(transcript("agent:main:remote")).hasSize(2);
    }

    @Test
    void an_unknown_agent_is_named() {
        assertThat(run("agent", "--local", "--agent", "nobody", "-m", "hi")).isEqualTo(1);
        assertThat(err.toString()).contains("no agent 'nobody'").contains("main");
    }

    @Test
    void models_list_and_status_describe_the_configuration_without_keys() {
        assertThat(run("models", "list")).isZero();
        assertThat(out.toString()).contains("local/test-model  agents: main");
        out.reset();
        assertThat(run("models", "status")).isZero();
        assertThat(out.toString())
                .contains("local: configured, type openai-chat")
                .contains("key set")
                .doesNotContain("sk-local");
    }

    @Test
    void an_expired_session_starts_a_fresh_conversation_and_keeps_the_old_transcript() {
        String url = new OpenClawHome(home).defaultStorageUrl();
        // a conversation from two days ago: past the default idle limit of 24 hours
        ManualClock past = ManualClock.at(java.time.Instant.now().minus(java.time.Duration.ofDays(2)));
        try (Store store = Store.open(new StoreSettings(url, past))) {
            store.migrate();
            store.sessions().getOrCreate("agent:main:main", "main");
            store.transcripts().append("agent:main:main", "user", "{\"text\":\"old question\"}");
        }
        model.textTurn("fresh");

        assertThat(run("agent", "--local", "-m", "new question"))
                .as(err.toString())
                .isZero();

        assertThat(model.requests().get(0).body()).contains("new question").doesNotContain("old question");
        assertThat(transcript("agent:main:main")).hasSize(3);
    }
}
