package openclaw.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import openclaw.sdk.provider.ChatMessage;
import openclaw.sdk.provider.ChatRequest;
import openclaw.sdk.provider.ChatStream;
import openclaw.sdk.provider.ModelProvider;
import openclaw.sdk.provider.ProviderException;
import openclaw.sdk.provider.StopReason;
import openclaw.sdk.provider.StreamEvent;
import openclaw.sdk.provider.ThinkingLevel;
import openclaw.sdk.provider.ToolSpec;
import openclaw.testkit.http.FakeHttpServer;
import openclaw.testkit.provider.ModelProviderContract;
import openclaw.testkit.provider.ProviderFake;
import openclaw.testkit.provider.openai.FakeOpenAiChatServer;
import openclaw.testkit.provider.openai.FakeOpenAiChatServer.ScriptedCall;
import org.junit.jupiter.api.Test;

class OpenAiChatProviderTest extends ModelProviderContract {

    private static final ToolSpec WEATHER = new ToolSpec(
            "get_weather",
            "Weather for a city",
            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}");

    private FakeOpenAiChatServer openai;

    @Override
    protected ProviderFake startFake() {
        openai = FakeOpenAiChatServer.start();
        return openai;
    }

    @Override
    protected ModelProvider providerFor(URI baseUrl) {
        return OpenAiChatProvider.create("openai", baseUrl, "test-key");
    }

    @Override
    protected String model() {
        return "gpt-4o-mini";
    }

    private List<StreamEvent> run(ChatRequest request) {
        return drain(providerFor(openai.baseUrl()).stream(request));
    }

    @Test
    void sends_the_exact_chat_completions_request_json() throws Exception {
        openai.textTurn("ok");
        ChatRequest request = new ChatRequest(
                "gpt-4o-mini",
                "Be brief.",
                List.of(
                        new ChatMessage.User("Weather in Paris and Rome?"),
                        new ChatMessage.Assistant(
                                "",
                                List.of(
                                        new StreamEvent.ToolCall("call_a", "get_weather", "{\"city\":\"Paris\"}"),
                                        new StreamEvent.ToolCall("call_b", "get_weather", "{\"city\":\"Rome\"}")),
                                List.of()),
                        new ChatMessage.ToolResult("call_a", "get_weather", "sunny", false),
                        new ChatMessage.ToolResult("call_b", "get_weather", "rain", false),
                        ChatMessage.Assistant.text("Paris is sunny, Rome rainy."),
                        new ChatMessage.User("Thanks")),
                List.of(WEATHER),
                ThinkingLevel.DEFAULT,
                1024,
                "");
        run(request);

        String expected = """
                {"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":true},
                 "messages":[
                  {"role":"system","content":"Be brief."},
                  {"role":"user","content":"Weather in Paris and Rome?"},
                  {"role":"assistant","content":null,"tool_calls":[
                    {"id":"call_a","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}},
                    {"id":"call_b","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Rome\\"}"}}]},
                  {"role":"tool","tool_call_id":"call_a","content":"sunny"},
                  {"role":"tool","tool_call_id":"call_b","content":"rain"},
                  {"role":"assistant","content":"Paris is sunny, Rome rainy."},
                  {"role":"user","content":"Thanks"}],
                 "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather for a city",
                   "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}],
                 "max_completion_tokens":1024}
                """;
        FakeHttpServer.Recorded sent = openai.requests().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.headers()).containsEntry("content-type", "application/json");
        assertThat(OpenAiChatProvider.JSON.readTree(sent.body())).isEqualTo(OpenAiChatProvider.JSON.readTree(expected));
    }

    @Test
    void sends_the_key_as_a_bearer_token() {
        openai.textTurn("ok");
        run(request("hi"));
        assertThat(openai.requests().get(0).headers()).containsEntry("authorization", "Bearer test-key");
    }

    @Test
    void sends_no_authorization_header_when_the_key_is_empty() {
        openai.textTurn("ok");
        drain(OpenAiChatProvider.create("ollama", openai.baseUrl(), "").stream(request("hi")));
        assertThat(openai.requests().get(0).headers()).doesNotContainKey("authorization");
    }

    @Test
    void a_trailing_slash_on_the_base_url_is_tolerated() {
        openai.textTurn("ok");
        drain(OpenAiChatProvider.create("openai", URI.create(openai.baseUrl() + "/"), "k").stream(request("hi")));
        assertThat(openai.requests().get(0).path()).isEqualTo("/v1/chat/completions");
    }

    @Test
    void two_parallel_tool_calls_with_interleaved_fragments_are_merged_by_index() {
        openai.parallelToolCallTurn(List.of(
                new ScriptedCall("call_paris", "get_weather", List.of("{\"ci", "ty\":\"Pa", "ris\"}")),
                new ScriptedCall("call_rome", "get_weather", List.of("{\"city\"", ":\"Rome\"}"))));
        List<StreamEvent> events = run(request("weather?"));
        assertThat(events)
                .filteredOn(StreamEvent.ToolCall.class::isInstance)
                .containsExactly(
                        new StreamEvent.ToolCall("call_paris", "get_weather", "{\"city\":\"Paris\"}"),
                        new StreamEvent.ToolCall("call_rome", "get_weather", "{\"city\":\"Rome\"}"));
        assertThat(events.subList(events.size() - 2, events.size()))
                .containsExactly(new StreamEvent.Usage(40, 22, 0), new StreamEvent.Finished(StopReason.TOOL_USE));
    }

    @Test
    void reasoning_content_becomes_a_thinking_delta_before_the_text() {
        openai.reasoningTurn("reasoning_content", "Six times seven.", "42");
        assertThat(run(request("?")))
                .containsSubsequence(
                        new StreamEvent.ThinkingDelta("Six times seven."), new StreamEvent.TextDelta("42"));
    }

    @Test
    void the_reasoning_field_of_ollama_and_openrouter_becomes_a_thinking_delta() {
        openai.reasoningTurn("reasoning", "Hmm.", "yes");
        assertThat(run(request("?")))
                .containsSubsequence(new StreamEvent.ThinkingDelta("Hmm."), new StreamEvent.TextDelta("yes"));
    }

    @Test
    void usage_with_cached_tokens_comes_just_before_finished() {
        openai.textTurnWithUsage("hi", 1200, 30, 1024);
        List<StreamEvent> events = run(request("hi"));
        assertThat(events)
                .containsExactly(
                        new StreamEvent.TextDelta("hi"),
                        new StreamEvent.Usage(1200, 30, 1024),
                        new StreamEvent.Finished(StopReason.END_TURN));
    }

    @Test
    void finish_reasons_map_to_stop_reasons() {
        openai.textTurnFinishing("cut", "length");
        assertThat(run(request("?"))).last().isEqualTo(new StreamEvent.Finished(StopReason.MAX_TOKENS));
        openai.textTurnFinishing("no", "content_filter");
        assertThat(run(request("?"))).last().isEqualTo(new StreamEvent.Finished(StopReason.REFUSAL));
    }

    @Test
    void an_error_object_inside_the_stream_is_a_provider_exception_after_the_text_seen() {
        openai.errorInStream("Hal", "server_error", "server_error", "The server had an error");
        List<StreamEvent> seen = new ArrayList<>();
        assertThatThrownBy(() -> {
                    try (ChatStream stream = providerFor(openai.baseUrl()).stream(request("hi"))) {
                        for (Optional<StreamEvent> e = stream.next(); e.isPresent(); e = stream.next()) {
                            seen.add(e.get());
                        }
                    }
                })
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.code()).isEqualTo("server_error");
                    assertThat(e.getMessage()).contains("The server had an error");
                });
        assertThat(seen).containsExactly(new StreamEvent.TextDelta("Hal"));
    }

    @Test
    void an_invalid_request_error_inside_the_stream_is_not_retryable() {
        openai.errorInStream("", "invalid_request_error", "context_length_exceeded", "too long");
        assertThatThrownBy(() -> run(request("hi"))).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.retryable()).isFalse();
            assertThat(e.code()).isEqualTo("context_length_exceeded");
        });
    }

    @Test
    void an_http_error_carries_the_envelope_code_and_message_without_the_key() {
        openai.error(401, 0, "Incorrect API key provided: test-key.");
        assertThatThrownBy(() -> run(request("hi"))).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.code()).isEqualTo("invalid_api_key");
            assertThat(e.getMessage()).contains("Incorrect API key provided").doesNotContain("test-key");
        });
    }

    @Test
    void a_body_that_ends_cleanly_without_done_or_finish_is_a_retryable_failure() {
        openai.rawTurn(List.of("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"par\"}}]}"));
        assertThatThrownBy(() -> run(request("hi"))).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.status()).isZero();
        });
    }

    @Test
    void a_body_that_ends_after_a_finish_reason_without_done_is_accepted() {
        openai.rawTurn(
                List.of("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}"));
        assertThat(run(request("hi")))
                .containsExactly(new StreamEvent.TextDelta("ok"), new StreamEvent.Finished(StopReason.END_TURN));
    }

    @Test
    void whole_tool_calls_without_index_and_a_stop_reason_of_stop_still_mean_tool_use() {
        // Older Ollama: each call complete in one fragment, no index, finish_reason "stop".
        openai.rawTurn(List.of(
                "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"id\":\"call_x\",\"function\":"
                        + "{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Oslo\"}}}]}}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"id\":\"call_y\",\"function\":"
                        + "{\"name\":\"get_weather\",\"arguments\":\"{}\"}}]}}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}",
                "[DONE]"));
        assertThat(run(request("hi")))
                .containsExactly(
                        new StreamEvent.ToolCall("call_x", "get_weather", "{\"city\":\"Oslo\"}"),
                        new StreamEvent.ToolCall("call_y", "get_weather", "{}"),
                        new StreamEvent.Finished(StopReason.TOOL_USE));
    }

    @Test
    void an_unreachable_server_is_a_retryable_transport_failure() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ModelProvider provider =
                OpenAiChatProvider.create("openai", URI.create("http://127.0.0.1:" + port + "/v1"), "k");
        assertThatThrownBy(() -> provider.stream(request("hi")))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void the_request_tree_is_valid_json_with_reasoning_effort_for_reasoning_models() throws Exception {
        openai.textTurn("ok");
        run(new ChatRequest("o4-mini", "", List.of(new ChatMessage.User("hi")), List.of(), ThinkingLevel.HIGH, 64, ""));
        JsonNode sent =
                OpenAiChatProvider.JSON.readTree(openai.requests().get(0).body());
        assertThat(sent.path("reasoning_effort").asText()).isEqualTo("high");
        assertThat(sent.has("tools")).isFalse();
    }
}
