package openclaw.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import openclaw.testkit.http.FakeHttpServer;
import openclaw.testkit.provider.ModelProviderContract;
import openclaw.testkit.provider.ProviderFake;
import openclaw.testkit.provider.anthropic.FakeAnthropicServer;
import org.junit.jupiter.api.Test;

class AnthropicProviderTest extends ModelProviderContract {

    private static final String KEY = "sk-ant-test-key";

    @Override
    protected ProviderFake startFake() {
        return FakeAnthropicServer.start();
    }

    @Override
    protected ModelProvider providerFor(URI baseUrl) {
        return AnthropicProvider.create("anthropic", baseUrl, KEY);
    }

    @Override
    protected String model() {
        return "claude-sonnet-4-6";
    }

    private FakeAnthropicServer anthropic() {
        return (FakeAnthropicServer) fake;
    }

    private List<StreamEvent> run(ChatRequest request) {
        return drain(providerFor(fake.baseUrl()).stream(request));
    }

    @Test
    void posts_to_v1_messages_with_the_key_and_version_headers() {
        fake.textTurn("ok");
        run(request("hi"));
        FakeHttpServer.Recorded sent = fake.requests().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/messages");
        assertThat(sent.headers())
                .containsEntry("x-api-key", KEY)
                .containsEntry("anthropic-version", "2023-06-01")
                .containsEntry("content-type", "application/json")
                .doesNotContainKey("authorization");
        assertThat(FakeAnthropicServer.presentedKey(sent)).contains(KEY);
        assertThat(sent.body()).doesNotContain(KEY).contains("\"stream\":true");
    }

    @Test
    void a_base_url_with_a_trailing_slash_still_posts_to_v1_messages() {
        fake.textTurn("ok");
        drain(providerFor(URI.create(fake.baseUrl() + "/")).stream(request("hi")));
        assertThat(fake.requests().get(0).path()).isEqualTo("/v1/messages");
    }

    @Test
    void a_thinking_block_is_emitted_whole_with_its_signature_after_its_deltas() {
        fake.thinkingTurn("Let me think.", "42");
        List<StreamEvent> events = run(request("meaning?"));
        assertThat(events)
                .filteredOn(StreamEvent.ThinkingDelta.class::isInstance)
                .extracting(e -> ((StreamEvent.ThinkingDelta) e).text())
                .containsExactly("Let me", " think.");
        assertThat(events)
                .filteredOn(StreamEvent.ThinkingBlock.class::isInstance)
                .containsExactly(new StreamEvent.ThinkingBlock("Let me think.", FakeAnthropicServer.SIGNATURE));
        assertThat(events.indexOf(new StreamEvent.ThinkingBlock("Let me think.", FakeAnthropicServer.SIGNATURE)))
                .isLessThan(events.indexOf(new StreamEvent.TextDelta("42")));
    }

    @Test
    void thinking_then_tool_call_yields_block_and_call_and_stops_for_tool_use() {
        anthropic().thinkingToolCallTurn("Need the clock.", "sig-1", "toolu_01", "current_time", "{\"tz\":\"UTC\"}");
        List<StreamEvent> events = run(request("time?"));
        assertThat(events)
                .containsSubsequence(
                        new StreamEvent.ThinkingBlock("Need the clock.", "sig-1"),
                        new StreamEvent.ToolCall("toolu_01", "current_time", "{\"tz\":\"UTC\"}"),
                        new StreamEvent.Finished(StopReason.TOOL_USE));
    }

    @Test
    void a_tool_call_without_input_fragments_has_empty_object_arguments() {
        fake.toolCallTurn("toolu_02", "current_time");
        assertThat(run(request("time?"))).contains(new StreamEvent.ToolCall("toolu_02", "current_time", "{}"));
    }

    @Test
    void stop_reasons_map_onto_the_sdk_enum() {
        for (String wire : List.of("max_tokens", "stop_sequence", "refusal", "pause_turn")) {
            anthropic().textTurnStopping(wire, "x");
        }
        assertThat(run(request("a"))).last().isEqualTo(new StreamEvent.Finished(StopReason.MAX_TOKENS));
        assertThat(run(request("b"))).last().isEqualTo(new StreamEvent.Finished(StopReason.STOP_SEQUENCE));
        assertThat(run(request("c"))).last().isEqualTo(new StreamEvent.Finished(StopReason.REFUSAL));
        assertThat(run(request("d"))).last().isEqualTo(new StreamEvent.Finished(StopReason.OTHER));
    }

    @Test
    void usage_comes_once_just_before_finished() {
        fake.textTurn("hi");
        List<StreamEvent> events = run(request("hi"));
        assertThat(events.get(events.size() - 2)).isEqualTo(new StreamEvent.Usage(10, 5, 0));
    }

    @Test
    void cache_reads_count_as_input_and_are_reported_as_cached() {
        anthropic().cachedTextTurn(90, "hi");
        assertThat(run(request("hi"))).contains(new StreamEvent.Usage(100, 5, 90));
    }

    @Test
    void mid_stream_overloaded_error_is_retryable_after_the_text_already_seen() {
        anthropic().errorMidStream("partial", "overloaded_error", "Overloaded");
        List<StreamEvent> seen = new ArrayList<>();
        assertThatThrownBy(() -> {
                    try (ChatStream stream = providerFor(fake.baseUrl()).stream(request("hi"))) {
                        for (Optional<StreamEvent> e = stream.next(); e.isPresent(); e = stream.next()) {
                            seen.add(e.get());
                        }
                    }
                })
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.code()).isEqualTo("overloaded_error");
                    assertThat(e.getMessage()).contains("Overloaded");
                });
        assertThat(text(seen)).isEqualTo("partial");
    }

    @Test
    void mid_stream_invalid_request_error_is_not_retryable() {
        anthropic().errorMidStream("", "invalid_request_error", "bad");
        assertThatThrownBy(() -> run(request("hi")))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void http_529_overloaded_is_retryable_and_carries_the_error_type_and_message() {
        fake.error(529, 0, "Overloaded");
        try (ChatStream stream = providerFor(fake.baseUrl()).stream(request("hi"))) {
            assertThatThrownBy(stream::next).isInstanceOfSatisfying(ProviderException.class, e -> {
                assertThat(e.retryable()).isTrue();
                assertThat(e.status()).isEqualTo(529);
                assertThat(e.code()).isEqualTo("overloaded_error");
                assertThat(e.getMessage()).contains("Overloaded").doesNotContain(KEY);
            });
        }
    }

    @Test
    void http_400_reports_invalid_request_error_without_retry() {
        fake.error(400, 0, "max_tokens: Field required");
        assertThatThrownBy(() -> run(request("hi"))).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.retryable()).isFalse();
            assertThat(e.code()).isEqualTo("invalid_request_error");
            assertThat(e.getMessage()).contains("max_tokens: Field required");
        });
    }

    @Test
    void thinking_blocks_from_the_previous_turn_are_sent_back_unchanged() {
        fake.textTurn("done");
        StreamEvent.ThinkingBlock block = new StreamEvent.ThinkingBlock("Need the clock.", "sig/+==");
        run(new ChatRequest(
                model(),
                "",
                List.of(
                        new ChatMessage.User("time?"),
                        new ChatMessage.Assistant(
                                "",
                                List.of(new StreamEvent.ToolCall("toolu_01", "current_time", "{}")),
                                List.of(block)),
                        new ChatMessage.ToolResult("toolu_01", "current_time", "noon", false)),
                List.of(CLOCK),
                ThinkingLevel.DEFAULT,
                1024,
                ""));
        assertThat(fake.requests().get(0).body())
                .contains("{\"type\":\"thinking\",\"thinking\":\"Need the clock.\",\"signature\":\"sig/+==\"}");
    }

    @Test
    void the_fake_also_serves_bearer_authenticated_requests_like_the_official_sdk_sends() throws Exception {
        fake.textTurn("ok");
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/v1/messages"))
                                .header("Authorization", "Bearer " + KEY)
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("event: message_start\ndata: {\"type\":\"message_start\"");
        assertThat(FakeAnthropicServer.presentedKey(fake.requests().get(0))).contains(KEY);
    }

    @Test
    void an_unreachable_server_is_a_retryable_transport_failure() {
        URI gone = fake.baseUrl();
        fake.close();
        assertThatThrownBy(() -> drain(providerFor(gone).stream(request("hi"))))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.status()).isZero();
                    assertThat(e.getMessage()).doesNotContain(KEY);
                });
    }
}
