package openclaw.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import openclaw.sdk.provider.ChatMessage;
import openclaw.sdk.provider.ProviderException;
import openclaw.sdk.provider.StreamEvent;
import openclaw.sdk.provider.ThinkingLevel;
import openclaw.store.Store;
import openclaw.store.StoreSettings;
import openclaw.store.TranscriptEntry;
import openclaw.testkit.provider.FakeModelProvider;
import openclaw.testkit.time.ManualClock;
import openclaw.tool.ToolRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentRunnerTest {

    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at(Instant.parse("2026-03-02T10:15:30Z"));
    private final FakeModelProvider openai = new FakeModelProvider("openai");
    private final FakeModelProvider anthropic = new FakeModelProvider("anthropic");
    private final List<AgentEvent> events = new CopyOnWriteArrayList<>();
    private Store store;
    private AgentRunner runner;

    @BeforeEach
    void open() {
        store = Store.open(new StoreSettings("jdbc:sqlite:" + tmp.resolve("s.sqlite"), clock));
        store.migrate();
        runner = new AgentRunner(new AgentRunner.Services(
                new ProviderRegistry(Map.of("openai", openai, "anthropic", anthropic)),
                ToolRegistry.builtIns(store.sessions()),
                store.sessions(),
                store.transcripts(),
                clock,
                RetryPolicy.IMMEDIATE));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static AgentSpec agent(List<String> tools, String... fallbacks) {
        return new AgentSpec(
                "research-bot",
                "You are a research assistant.",
                new ModelRef("openai", "gpt-5"),
                java.util.Arrays.stream(fallbacks).map(ModelRef::parse).toList(),
                ThinkingLevel.DEFAULT,
                tools,
                4);
    }

    private TurnResult run(AgentSpec agent, String message) {
        return runner.run(TurnRequest.of(agent, "agent:research-bot:main", message), new TurnControl(), events::add);
    }

    private List<TranscriptEntry> transcript() {
        return store.transcripts().read("agent:research-bot:main", 0, 100);
    }

    @Test
    void a_text_turn_streams_the_answer_and_persists_both_messages() {
        openai.answer("Hello!");
        TurnResult result = run(agent(List.of()), "hi");
        assertThat(result.outcome()).isEqualTo(TurnResult.Outcome.COMPLETED);
        assertThat(result.text()).isEqualTo("Hello!");
        assertThat(result.inputTokens()).isEqualTo(10);
        assertThat(events).containsExactly(new AgentEvent.Text("Hello!"));
        assertThat(transcript()).extracting(TranscriptEntry::role).containsExactly("user", "assistant");
        assertThat(transcript().get(1).content())
                .contains("\"model\":\"openai/gpt-5\"")
                .contains("\"input\":10");
        assertThat(openai.requests().get(0).systemPrompt()).isEqualTo("You are a research assistant.");
        assertThat(openai.allStreamsClosed()).isTrue();
    }

    @Test
    void tool_calls_run_and_their_results_go_back_to_the_model() {
        openai.toolCall("c1", "current_time", "{\"timezone\":\"Europe/Paris\"}").answer("It is 11:15 in Paris.");
        TurnResult result = run(agent(List.of("current_time", "session_status")), "time?");
        assertThat(result.text()).isEqualTo("It is 11:15 in Paris.");
        assertThat(result.steps()).isEqualTo(2);
        assertThat(openai.requests().get(0).tools())
                .extracting(t -> t.name())
                .containsExactly("current_time", "session_status");
        ChatMessage last = openai.requests().get(1).messages().get(2);
        assertThat(last).isInstanceOfSatisfying(ChatMessage.ToolResult.class, r -> {
            assertThat(r.isError()).isFalse();
            assertThat(r.content()).contains("2026-03-02T11:15:30+01:00");
        });
        assertThat(transcript())
                .extracting(TranscriptEntry::role)
                .containsExactly("user", "assistant", "tool", "assistant");
        assertThat(events).anyMatch(e -> e instanceof AgentEvent.ToolFinished f && !f.isError());
    }

    @Test
    void invalid_tool_arguments_go_back_to_the_model_as_a_tool_error() {
        openai.toolCall("c1", "current_time", "{not json").answer("Sorry, retrying was not needed.");
        TurnResult result = run(agent(List.of("current_time")), "time?");
        assertThat(result.outcome()).isEqualTo(TurnResult.Outcome.COMPLETED);
        assertThat((ChatMessage.ToolResult) openai.requests().get(1).messages().get(2))
                .satisfies(r -> assertThat(r.isError()).isTrue())
                .satisfies(r -> assertThat(r.content()).contains("invalid arguments"));
    }

    @Test
    void a_call_to_an_unknown_tool_is_reported_to_the_model() {
        openai.toolCall("c1", "rm_rf", "{}").answer("ok");
        run(agent(List.of("current_time")), "go");
        assertThat(((ChatMessage.ToolResult) openai.requests().get(1).messages().get(2)).content())
                .contains("unknown tool 'rm_rf'");
    }

    @Test
    void session_status_reports_the_stored_session() {
        openai.toolCall("c1", "session_status", "{}").answer("done");
        run(agent(List.of("session_status")), "status?");
        assertThat(((ChatMessage.ToolResult) openai.requests().get(1).messages().get(2)).content())
                .contains("\"sessionKey\":\"agent:research-bot:main\"")
                .contains("\"agentId\":\"research-bot\"")
                .contains("\"messages\":2")
                .contains("\"conversationStartedAt\":\"2026-03-02T10:15:30Z\"");
    }

    @Test
    void a_rate_limit_is_retried_after_the_requested_wait() {
        openai.fail(new ProviderException("slow down", true, Optional.of(Duration.ofMillis(20)), 429, "rate_limit"))
                .answer("finally");
        TurnResult result = run(agent(List.of()), "hi");
        assertThat(result.text()).isEqualTo("finally");
        assertThat(events).anyMatch(e -> e instanceof AgentEvent.Retrying r && r.delayMillis() >= 20);
        assertThat(openai.requests()).hasSize(2);
    }

    @Test
    void a_non_retryable_failure_fails_over_to_the_fallback_model() {
        openai.fail(new ProviderException("bad key", false, Optional.empty(), 401, "invalid_api_key"));
        anthropic.answer("from claude");
        TurnResult result = run(agent(List.of(), "anthropic/claude-4.6-sonnet"), "hi");
        assertThat(result.text()).isEqualTo("from claude");
        assertThat(result.model()).isEqualTo(new ModelRef("anthropic", "claude-4.6-sonnet"));
        assertThat(anthropic.requests().get(0).model()).isEqualTo("claude-4.6-sonnet");
        assertThat(events).anyMatch(e -> e instanceof AgentEvent.Failover);
        assertThat(openai.requests()).hasSize(1);
    }

    @Test
    void exhausted_retries_fail_over_and_a_total_failure_is_recorded() {
        ProviderException down = new ProviderException("overloaded", true, Optional.empty(), 529, "overloaded");
        openai.fail(down).fail(down).fail(down);
        anthropic.fail(new ProviderException("bad", false, Optional.empty(), 400, "invalid_request"));
        TurnResult result = run(agent(List.of(), "anthropic/claude-4.6-sonnet"), "hi");
        assertThat(result.outcome()).isEqualTo(TurnResult.Outcome.FAILED);
        assertThat(result.error()).contains("anthropic/claude-4.6-sonnet").contains("bad");
        assertThat(openai.requests()).hasSize(3);
        assertThat(transcript()).extracting(TranscriptEntry::role).containsExactly("user", "error");
    }

    @Test
    void without_a_configured_provider_the_turn_fails_with_how_to_add_one() {
        AgentSpec agent = new AgentSpec(
                "x", "", new ModelRef("ollama", "llama3"), List.of(), ThinkingLevel.DEFAULT, List.of(), 4);
        TurnResult result = runner.run(TurnRequest.of(agent, "agent:x:main", "hi"), new TurnControl(), events::add);
        assertThat(result.outcome()).isEqualTo(TurnResult.Outcome.FAILED);
        assertThat(result.error()).contains("[providers.ollama]").contains("OPENAI_API_KEY");
    }

    @Test
    void the_step_limit_stops_a_model_that_never_finishes_with_tools() {
        for (int i = 0; i < 5; i++) {
            openai.toolCall("c" + i, "current_time", "{}");
        }
        TurnResult result = run(agent(List.of("current_time")), "loop");
        assertThat(result.outcome()).isEqualTo(TurnResult.Outcome.FAILED);
        assertThat(result.error()).contains("after 4 model calls").contains("maxSteps");
    }

    @Test
    void a_stream_that_ends_without_finishing_is_retried() {
        openai.events(new StreamEvent.TextDelta("half")).answer("whole");
        assertThat(run(agent(List.of()), "hi").text()).isEqualTo("whole");
    }

    @Test
    void a_cancelled_turn_stops_and_is_recorded() {
        openai.answer("never seen");
        TurnControl control = new TurnControl();
        control.cancel();
        TurnResult result =
                runner.run(TurnRequest.of(agent(List.of()), "agent:research-bot:main", "hi"), control, events::add);
        assertThat(result.outcome()).isEqualTo(TurnResult.Outcome.CANCELLED);
        assertThat(events).isEmpty();
        assertThat(openai.allStreamsClosed()).isTrue();
    }

    @Test
    void cancelling_mid_stream_stops_reading_and_closes_the_upstream_stream() {
        openai.events(
                new StreamEvent.TextDelta("first "),
                new StreamEvent.TextDelta("second"),
                new StreamEvent.Finished(openclaw.sdk.provider.StopReason.END_TURN));
        TurnControl control = new TurnControl();
        TurnResult result =
                runner.run(TurnRequest.of(agent(List.of()), "agent:research-bot:main", "hi"), control, e -> {
                    events.add(e);
                    control.cancel();
                });
        assertThat(result.outcome()).isEqualTo(TurnResult.Outcome.CANCELLED);
        assertThat(events).containsExactly(new AgentEvent.Text("first "));
        assertThat(openai.allStreamsClosed()).isTrue();
        assertThat(transcript()).extracting(TranscriptEntry::role).containsExactly("user", "error");
    }

    @Test
    void the_next_turn_sees_the_session_history() {
        openai.answer("first answer").answer("second answer");
        run(agent(List.of()), "one");
        run(agent(List.of()), "two");
        List<ChatMessage> sent = openai.requests().get(1).messages();
        assertThat(sent)
                .containsExactly(
                        new ChatMessage.User("one"),
                        ChatMessage.Assistant.text("first answer"),
                        new ChatMessage.User("two"));
    }

    @Test
    void after_a_restart_the_model_sees_only_the_new_conversation_while_the_old_one_stays_stored() {
        openai.answer("first answer").answer("second answer");
        run(agent(List.of()), "one");
        store.sessions().restart("agent:research-bot:main");

        run(agent(List.of()), "two");

        assertThat(openai.requests().get(1).messages()).containsExactly(new ChatMessage.User("two"));
        assertThat(transcript())
                .extracting(TranscriptEntry::role)
                .containsExactly("user", "assistant", "user", "assistant");
    }
}
