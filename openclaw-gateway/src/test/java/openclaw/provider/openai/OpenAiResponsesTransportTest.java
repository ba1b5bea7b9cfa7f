package openclaw.provider.openai;

import static openclaw.testkit.provider.ModelProviderContract.drain;
import static openclaw.testkit.provider.ModelProviderContract.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import openclaw.sdk.provider.ChatMessage;
import openclaw.sdk.provider.ChatRequest;
import openclaw.sdk.provider.ProviderException;
import openclaw.sdk.provider.StopReason;
import openclaw.sdk.provider.StreamEvent;
import openclaw.sdk.provider.ThinkingLevel;
import openclaw.testkit.http.FakeHttpServer;
import openclaw.testkit.provider.openai.FakeOpenAiResponsesServer;
import openclaw.testkit.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiResponsesTransportTest {

    private final FakeOpenAiResponsesServer fake = FakeOpenAiResponsesServer.start();
    private final ManualClock clock = ManualClock.fixed();

    @AfterEach
    void stop() {
        fake.close();
    }

    private OpenAiResponsesProvider provider(ResponsesSettings.Transport transport, Set<String> warmup) {
        ResponsesSettings settings = new ResponsesSettings(transport, warmup, Duration.ofMinutes(5));
        return OpenAiResponsesProvider.create("openai", fake.baseUrl(), "test-key", settings, clock);
    }

    private static ChatRequest session(List<ChatMessage> messages) {
        return new ChatRequest("gpt-5", "Be brief.", messages, List.of(), ThinkingLevel.LOW, 256, "s1");
    }

    private static JsonNode json(FakeHttpServer.Recorded recorded) throws Exception {
        return ResponsesRequests.JSON.readTree(recorded.body());
    }

    @Test
    void one_session_reuses_its_socket_and_chains_the_second_turn_with_only_the_new_items() throws Exception {
        OpenAiResponsesProvider provider = provider(ResponsesSettings.Transport.WEBSOCKET, Set.of());
        fake.toolCallTurn("call_1", "current_time", "{}");
        fake.textTurn("noon");
        List<ChatMessage> first = List.of(new ChatMessage.User("time?"));
        List<StreamEvent> turn1 = drain(provider.stream(session(first)));
        StreamEvent.ToolCall call = (StreamEvent.ToolCall) turn1.get(0);
        List<ChatMessage> second = new ArrayList<>(first);
        second.add(new ChatMessage.Assistant("", List.of(call), List.of()));
        second.add(new ChatMessage.ToolResult("call_1", "current_time", "12:00", false));

        assertThat(text(drain(provider.stream(session(second))))).isEqualTo("noon");

        assertThat(fake.upgrades()).isEqualTo(1);
        List<FakeHttpServer.Recorded> frames = fake.requests("WS");
        assertThat(json(frames.get(0)).has("previous_response_id")).isFalse();
        JsonNode chained = json(frames.get(1));
        assertThat(chained.path("previous_response_id").asText()).isEqualTo("resp_1");
        assertThat(chained.path("input")).hasSize(1);
        assertThat(chained.path("input").get(0).path("type").asText()).isEqualTo("function_call_output");
        assertThat(chained.path("instructions").asText()).isEqualTo("Be brief.");
        assertThat(frames.get(0).headers()).containsEntry("authorization", "Bearer test-key");
    }

    @Test
    void a_socket_near_the_60_minute_limit_is_replaced_and_the_full_input_resent() throws Exception {
        OpenAiResponsesProvider provider = provider(ResponsesSettings.Transport.WEBSOCKET, Set.of());
        fake.textTurn("one");
        fake.textTurn("two");
        List<ChatMessage> first = List.of(new ChatMessage.User("a"));
        drain(provider.stream(session(first)));
        clock.advance(Duration.ofMinutes(56));
        List<ChatMessage> second = new ArrayList<>(first);
        second.add(ChatMessage.Assistant.text("one"));
        second.add(new ChatMessage.User("b"));
        assertThat(text(drain(provider.stream(session(second))))).isEqualTo("two");
        assertThat(fake.upgrades()).isEqualTo(2);
        JsonNode resent = json(fake.requests("WS").get(1));
        assertThat(resent.has("previous_response_id")).isFalse();
        assertThat(resent.path("input")).hasSize(3);
    }

    @Test
    void previous_response_not_found_resends_the_full_input_without_the_id() throws Exception {
        OpenAiResponsesProvider provider = provider(ResponsesSettings.Transport.WEBSOCKET, Set.of());
        fake.textTurn("one");
        fake.textTurn("two");
        List<ChatMessage> first = List.of(new ChatMessage.User("a"));
        drain(provider.stream(session(first)));
        fake.forgetNextPreviousResponse();
        List<ChatMessage> second = List.of(first.get(0), ChatMessage.Assistant.text("one"), new ChatMessage.User("b"));

        assertThat(text(drain(provider.stream(session(second))))).isEqualTo("two");

        List<FakeHttpServer.Recorded> frames = fake.requests("WS");
        assertThat(frames).hasSize(3);
        assertThat(json(frames.get(1)).path("previous_response_id").asText()).isEqualTo("resp_1");
        JsonNode retry = json(frames.get(2));
        assertThat(retry.has("previous_response_id")).isFalse();
        assertThat(retry.path("input")).hasSize(3);
    }

    @Test
    void connection_limit_reached_reconnects_and_resends_the_full_input() throws Exception {
        OpenAiResponsesProvider provider = provider(ResponsesSettings.Transport.WEBSOCKET, Set.of());
        fake.textTurn("one");
        fake.textTurn("two");
        List<ChatMessage> first = List.of(new ChatMessage.User("a"));
        drain(provider.stream(session(first)));
        fake.limitReachedOnNextRequest();
        List<ChatMessage> second = List.of(first.get(0), ChatMessage.Assistant.text("one"), new ChatMessage.User("b"));

        assertThat(text(drain(provider.stream(session(second))))).isEqualTo("two");

        assertThat(fake.upgrades()).isEqualTo(2);
        List<FakeHttpServer.Recorded> frames = fake.requests("WS");
        JsonNode retry = json(frames.get(frames.size() - 1));
        assertThat(retry.has("previous_response_id")).isFalse();
        assertThat(retry.path("input")).hasSize(3);
    }

    @Test
    void a_new_socket_for_a_warmup_model_sends_generate_false_first() throws Exception {
        OpenAiResponsesProvider provider = provider(ResponsesSettings.Transport.WEBSOCKET, Set.of("gpt-5"));
        fake.textTurn("warm");
        assertThat(text(drain(provider.stream(session(List.of(new ChatMessage.User("hi")))))))
                .isEqualTo("warm");
        List<FakeHttpServer.Recorded> frames = fake.requests("WS");
        assertThat(frames).hasSize(2);
        JsonNode warmup = json(frames.get(0));
        assertThat(warmup.path("generate").asBoolean(true)).isFalse();
        assertThat(warmup.path("model").asText()).isEqualTo("gpt-5");
        assertThat(json(frames.get(1)).has("generate")).isFalse();
    }

    @Test
    void auto_falls_back_to_sse_when_the_upgrade_is_refused_and_stays_there_during_the_cooldown() {
        OpenAiResponsesProvider provider = provider(ResponsesSettings.Transport.AUTO, Set.of());
        fake.refuseUpgrades(503);
        fake.textTurn("via sse");
        fake.textTurn("still sse");
        assertThat(text(drain(provider.stream(session(List.of(new ChatMessage.User("a")))))))
                .isEqualTo("via sse");
        assertThat(text(drain(provider.stream(session(List.of(new ChatMessage.User("b")))))))
                .isEqualTo("still sse");
        assertThat(fake.upgrades()).isEqualTo(1);
        assertThat(fake.requests("POST")).hasSize(2);

        fake.refuseUpgrades(0);
        clock.advance(Duration.ofMinutes(6));
        fake.textTurn("socket again");
        assertThat(text(drain(provider.stream(session(List.of(new ChatMessage.User("c")))))))
                .isEqualTo("socket again");
        assertThat(fake.upgrades()).isEqualTo(2);
        assertThat(fake.requests("POST")).hasSize(2);
    }

    @Test
    void auto_falls_back_to_sse_when_the_socket_dies_before_any_output() {
        OpenAiResponsesProvider provider = provider(ResponsesSettings.Transport.AUTO, Set.of());
        fake.enqueueCut(s -> s.created());
        fake.textTurn("rescued");
        List<StreamEvent> events = drain(provider.stream(session(List.of(new ChatMessage.User("a")))));
        assertThat(text(events)).isEqualTo("rescued");
        assertThat(events).last().isEqualTo(new StreamEvent.Finished(StopReason.END_TURN));
        assertThat(fake.requests("WS")).hasSize(1);
        assertThat(fake.requests("POST")).hasSize(1);
    }

    @Test
    void websocket_transport_surfaces_a_refused_upgrade() {
        OpenAiResponsesProvider provider = provider(ResponsesSettings.Transport.WEBSOCKET, Set.of());
        fake.refuseUpgrades(503);
        assertThatThrownBy(() -> drain(provider.stream(session(List.of(new ChatMessage.User("a"))))))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.retryable()).isTrue();
                });
        assertThat(fake.requests("POST")).isEmpty();
    }

    @Test
    void sse_transport_never_opens_a_socket() {
        OpenAiResponsesProvider provider = provider(ResponsesSettings.Transport.SSE, Set.of());
        fake.textTurn("plain");
        assertThat(text(drain(provider.stream(session(List.of(new ChatMessage.User("a")))))))
                .isEqualTo("plain");
        assertThat(fake.upgrades()).isZero();
        assertThat(fake.requests("POST").get(0).headers()).containsEntry("authorization", "Bearer test-key");
    }

    @Test
    void fragmented_websocket_messages_are_assembled() {
        OpenAiResponsesProvider provider = provider(ResponsesSettings.Transport.WEBSOCKET, Set.of());
        fake.fragmentFrames(3);
        fake.textTurn("pieces ", "of ", "text");
        assertThat(text(drain(provider.stream(session(List.of(new ChatMessage.User("a")))))))
                .isEqualTo("pieces of text");
    }

    @Test
    void an_error_frame_on_an_open_socket_keeps_its_status_and_retry_decision() {
        OpenAiResponsesProvider provider = provider(ResponsesSettings.Transport.WEBSOCKET, Set.of());
        fake.textTurn("one");
        drain(provider.stream(session(List.of(new ChatMessage.User("a")))));
        fake.error(429, 0, "slow down");
        assertThatThrownBy(() -> drain(provider.stream(session(List.of(new ChatMessage.User("b"))))))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("slow down");
                });
    }

    @Test
    void incomplete_for_max_output_tokens_stops_with_max_tokens() {
        OpenAiResponsesProvider provider = provider(ResponsesSettings.Transport.SSE, Set.of());
        fake.enqueue(s -> s.created().message("trunc").incompleteMaxTokens());
        List<StreamEvent> events = drain(provider.stream(session(List.of(new ChatMessage.User("a")))));
        assertThat(events).last().isEqualTo(new StreamEvent.Finished(StopReason.MAX_TOKENS));
        assertThat(events).contains(new StreamEvent.Usage(10, 5, 2));
    }

    @Test
    void response_failed_and_error_events_become_provider_exceptions() {
        OpenAiResponsesProvider provider = provider(ResponsesSettings.Transport.SSE, Set.of());
        fake.enqueue(s -> s.created().failed("server_error", "boom"));
        fake.enqueue(s -> s.created().sseError("invalid_prompt", "bad prompt"));
        assertThatThrownBy(() -> drain(provider.stream(session(List.of(new ChatMessage.User("a"))))))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.code()).isEqualTo("server_error");
                });
        assertThatThrownBy(() -> drain(provider.stream(session(List.of(new ChatMessage.User("b"))))))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.code()).isEqualTo("invalid_prompt");
                });
    }
}
