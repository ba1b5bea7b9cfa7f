package openclaw.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import openclaw.sdk.provider.ChatMessage;
import openclaw.sdk.provider.StreamEvent;
import openclaw.sdk.provider.ThinkingLevel;
import openclaw.sdk.provider.ToolSpec;
import openclaw.store.Store;
import openclaw.store.StoreSettings;
import openclaw.testkit.provider.FakeModelProvider;
import openclaw.testkit.time.ManualClock;
import openclaw.tool.ToolRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientToolsTest {

    private static final String KEY = "agent:bot:openai:u1";
    private static final ToolSpec WEATHER = new ToolSpec("get_weather", "weather for a city", "{\"type\":\"object\"}");

    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at(Instant.parse("2026-03-02T10:15:30Z"));
    private final FakeModelProvider model = new FakeModelProvider("openai");
    private Store store;
    private AgentRunner runner;

    @BeforeEach
    void open() {
        store = Store.open(new StoreSettings("jdbc:sqlite:" + tmp.resolve("s.sqlite"), clock));
        store.migrate();
        runner = new AgentRunner(new AgentRunner.Services(
                new ProviderRegistry(Map.of("openai", model)),
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

    private static AgentSpec agent(List<String> tools) {
        return new AgentSpec(
                "bot", "Be brief.", new ModelRef("openai", "gpt-5"), List.of(), ThinkingLevel.DEFAULT, tools, 4);
    }

    private TurnResult run(TurnInput input, TurnOptions options) {
        return runner.run(
                new TurnRequest(agent(List.of("current_time")), KEY, input, ThinkingLevel.DEFAULT, options),
                new TurnControl(),
                e -> {});
    }

    private static TurnOptions tools(List<ChatMessage> seed) {
        return new TurnOptions(Optional.of("Answer in French."), List.of(WEATHER), seed, Optional.empty());
    }

    @Test
    void a_call_to_a_client_tool_ends_the_turn_waiting_and_the_results_continue_it() {
        model.toolCall("call_1", "get_weather", "{\"city\":\"Paris\"}").answer("Il fait beau.");

        TurnResult first = run(new TurnInput.Message("weather in Paris?"), tools(List.of()));

        assertThat(first.outcome()).isEqualTo(TurnResult.Outcome.TOOL_CALLS);
        assertThat(first.toolCalls())
                .containsExactly(new StreamEvent.ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"));
        assertThat(runner.pendingToolCalls(KEY))
                .extracting(StreamEvent.ToolCall::callId)
                .containsExactly("call_1");
        assertThat(model.requests().getFirst().tools())
                .extracting(ToolSpec::name)
                .contains("get_weather", "current_time");
        assertThat(model.requests().getFirst().systemPrompt()).isEqualTo("Be brief.\n\nAnswer in French.");

        TurnResult second = run(
                new TurnInput.ToolResults(List.of(new ChatMessage.ToolResult("call_1", "", "sunny", false))),
                tools(List.of()));

        assertThat(second.outcome()).isEqualTo(TurnResult.Outcome.COMPLETED);
        assertThat(second.text()).isEqualTo("Il fait beau.");
        assertThat(model.requests().get(1).messages().getLast())
                .isEqualTo(new ChatMessage.ToolResult("call_1", "get_weather", "sunny", false));
        assertThat(runner.pendingToolCalls(KEY)).isEmpty();
    }

    @Test
    void tool_results_nobody_asked_for_are_rejected_and_nothing_is_stored() {
        TurnResult r = run(
                new TurnInput.ToolResults(List.of(new ChatMessage.ToolResult("call_9", "", "x", false))),
                tools(List.of()));

        assertThat(r.outcome()).isEqualTo(TurnResult.Outcome.REJECTED);
        assertThat(r.error()).contains("no tool calls are waiting");
        assertThat(store.transcripts().read(KEY, 0, 10)).isEmpty();
        assertThat(model.requests()).isEmpty();
    }

    @Test
    void a_missing_result_is_rejected_naming_the_call() {
        model.events(
                new StreamEvent.ToolCall("a", "get_weather", "{}"),
                new StreamEvent.ToolCall("b", "get_weather", "{}"),
                new StreamEvent.Finished(openclaw.sdk.provider.StopReason.TOOL_USE));
        assertThat(run(new TurnInput.Message("two cities"), tools(List.of())).toolCalls())
                .hasSize(2);

        TurnResult r = run(
                new TurnInput.ToolResults(List.of(new ChatMessage.ToolResult("a", "", "x", false))), tools(List.of()));

        assertThat(r.outcome()).isEqualTo(TurnResult.Outcome.REJECTED);
        assertThat(r.error()).contains("missing results for tool calls: b");
    }

    @Test
    void client_history_seeds_an_empty_session_and_a_continuation_can_follow_it() {
        model.answer("It is sunny in Paris.");
        List<ChatMessage> seed = List.of(
                new ChatMessage.User("weather in Paris?"),
                new ChatMessage.Assistant("", List.of(new StreamEvent.ToolCall("c1", "get_weather", "{}")), List.of()));

        TurnResult r = run(
                new TurnInput.ToolResults(List.of(new ChatMessage.ToolResult("c1", "", "sunny", false))), tools(seed));

        assertThat(r.outcome()).isEqualTo(TurnResult.Outcome.COMPLETED);
        assertThat(model.requests().getFirst().messages()).hasSize(3);
        assertThat(store.transcripts().read(KEY, 0, 10))
                .extracting(e -> e.role())
                .containsExactly("user", "assistant", "tool", "assistant");
    }

    @Test
    void a_client_tool_named_like_a_gateway_tool_is_rejected() {
        TurnResult r = run(
                new TurnInput.Message("hi"),
                new TurnOptions(
                        Optional.empty(),
                        List.of(new ToolSpec("current_time", "mine", "{}")),
                        List.of(),
                        Optional.empty()));

        assertThat(r.outcome()).isEqualTo(TurnResult.Outcome.REJECTED);
        assertThat(r.error()).contains("current_time");
    }

    @Test
    void pending_input_answers_the_user_messages_already_stored() {
        store.sessions().getOrCreate(KEY, "bot");
        store.transcripts().append(KEY, "user", "{\"text\":\"hello thread\"}");
        model.answer("hi!");

        TurnResult r = run(new TurnInput.Pending(), TurnOptions.NONE);

        assertThat(r.outcome()).isEqualTo(TurnResult.Outcome.COMPLETED);
        assertThat(model.requests().getFirst().messages()).containsExactly(new ChatMessage.User("hello thread"));
        assertThat(run(new TurnInput.Pending(), TurnOptions.NONE).outcome()).isEqualTo(TurnResult.Outcome.REJECTED);
    }
}
