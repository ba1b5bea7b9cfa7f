package openclaw.testkit.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import openclaw.sdk.provider.ChatMessage;
import openclaw.sdk.provider.ChatRequest;
import openclaw.sdk.provider.ChatStream;
import openclaw.sdk.provider.ModelProvider;
import openclaw.sdk.provider.ProviderException;
import openclaw.sdk.provider.StopReason;
import openclaw.sdk.provider.StreamEvent;
import openclaw.sdk.provider.ThinkingLevel;
import openclaw.sdk.provider.ToolSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link ModelProvider} must show against a loopback fake of its real wire protocol. A provider's test
 * extends this class, supplies its fake and a provider pointed at it, and adds protocol-specific tests of its own.
 */
public abstract class ModelProviderContract {

    /** A tool the contract offers in tool-call turns. */
    protected static final ToolSpec CLOCK =
            new ToolSpec("current_time", "Current date and time", "{\"type\":\"object\",\"properties\":{}}");

    /** The fake of the current test. */
    protected ProviderFake fake;

    /** A fresh fake of the provider's protocol on a free loopback port. */
    protected abstract ProviderFake startFake();

    /** The provider under test, configured with {@code baseUrl} and a test API key. */
    protected abstract ModelProvider providerFor(URI baseUrl);

    /** A model name the provider accepts. */
    protected abstract String model();

    @BeforeEach
    void startFakeServer() {
        fake = startFake();
    }

    @AfterEach
    void stopFakeServer() {
        fake.close();
    }

    /** Reads every event until the stream ends, then closes it. */
    public static List<StreamEvent> drain(ChatStream stream) {
        List<StreamEvent> events = new ArrayList<>();
        try (stream) {
            for (Optional<StreamEvent> e = stream.next(); e.isPresent(); e = stream.next()) {
                events.add(e.get());
            }
        }
        return events;
    }

    /** The text of all text deltas. */
    public static String text(List<StreamEvent> events) {
        return events.stream()
                .filter(StreamEvent.TextDelta.class::isInstance)
                .map(e -> ((StreamEvent.TextDelta) e).text())
                .collect(Collectors.joining());
    }

    /** A request for the contract's model. */
    protected ChatRequest request(String userText) {
        return ChatRequest.of(model(), userText);
    }

    @Test
    void text_turn_streams_deltas_then_usage_then_exactly_one_finished() {
        fake.textTurn("Hel", "lo", " there");
        List<StreamEvent> events = drain(providerFor(fake.baseUrl()).stream(request("hi")));
        assertThat(text(events)).isEqualTo("Hello there");
        assertThat(events).last().isEqualTo(new StreamEvent.Finished(StopReason.END_TURN));
        assertThat(events).filteredOn(StreamEvent.Finished.class::isInstance).hasSize(1);
        assertThat(events).filteredOn(StreamEvent.Usage.class::isInstance).hasSize(1);
        StreamEvent.Usage usage = (StreamEvent.Usage) events.stream()
                .filter(StreamEvent.Usage.class::isInstance)
                .findFirst()
                .orElseThrow();
        assertThat(usage.inputTokens()).isEqualTo(10);
        assertThat(usage.outputTokens()).isEqualTo(5);
    }

    @Test
    void text_arrives_as_several_deltas_not_one_block() {
        fake.textTurn("a", "b", "c");
        List<StreamEvent> events = drain(providerFor(fake.baseUrl()).stream(request("hi")));
        assertThat(events).filteredOn(StreamEvent.TextDelta.class::isInstance).hasSize(3);
    }

    @Test
    void tool_call_fragments_are_merged_into_one_call_and_the_turn_stops_for_tool_use() {
        fake.toolCallTurn("call_1", "current_time", "{\"tz\":", "\"UTC\"}");
        ChatRequest withTool = new ChatRequest(
                model(), "", List.of(new ChatMessage.User("time?")), List.of(CLOCK), ThinkingLevel.DEFAULT, 1024, "");
        List<StreamEvent> events = drain(providerFor(fake.baseUrl()).stream(withTool));
        assertThat(events)
                .filteredOn(StreamEvent.ToolCall.class::isInstance)
                .containsExactly(new StreamEvent.ToolCall("call_1", "current_time", "{\"tz\":\"UTC\"}"));
        assertThat(events).last().isEqualTo(new StreamEvent.Finished(StopReason.TOOL_USE));
    }

    @Test
    void tool_results_are_sent_back_on_the_next_request() {
        fake.textTurn("It is noon.");
        ChatRequest followUp = new ChatRequest(
                model(),
                "Be brief.",
                List.of(
                        new ChatMessage.User("time?"),
                        new ChatMessage.Assistant(
                                "", List.of(new StreamEvent.ToolCall("call_9", "current_time", "{}")), List.of()),
                        new ChatMessage.ToolResult("call_9", "current_time", "{\"now\":\"12:00\"}", false)),
                List.of(CLOCK),
                ThinkingLevel.DEFAULT,
                1024,
                "");
        assertThat(text(drain(providerFor(fake.baseUrl()).stream(followUp)))).isEqualTo("It is noon.");
        String sent = fake.requests().get(fake.requests().size() - 1).body();
        assertThat(sent)
                .contains("call_9")
                .contains("12:00")
                .contains("Be brief.")
                .contains("current_time");
    }

    @Test
    void thinking_is_reported_separately_from_the_answer() {
        fake.thinkingTurn("Let me think.", "42");
        List<StreamEvent> events = drain(providerFor(fake.baseUrl()).stream(request("meaning?")));
        assertThat(text(events)).isEqualTo("42");
        assertThat(events)
                .anyMatch(e ->
                        e instanceof StreamEvent.ThinkingDelta t && t.text().contains("think"));
    }

    @Test
    void http_401_is_a_non_retryable_provider_exception() {
        fake.error(401, 0, "invalid api key");
        assertThatThrownBy(() -> drain(providerFor(fake.baseUrl()).stream(request("hi"))))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).doesNotContain("test-key");
                });
    }

    @Test
    void http_429_is_retryable_and_carries_retry_after() {
        fake.error(429, 3, "slow down");
        assertThatThrownBy(() -> drain(providerFor(fake.baseUrl()).stream(request("hi"))))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
                });
    }

    @Test
    void http_500_is_retryable() {
        fake.error(500, 0, "boom");
        assertThatThrownBy(() -> drain(providerFor(fake.baseUrl()).stream(request("hi"))))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void a_stream_cut_midway_is_a_retryable_failure_after_the_text_already_seen() {
        fake.cutAfter("partial ans");
        List<StreamEvent> seen = new ArrayList<>();
        assertThatThrownBy(() -> {
                    try (ChatStream stream = providerFor(fake.baseUrl()).stream(request("hi"))) {
                        for (Optional<StreamEvent> e = stream.next(); e.isPresent(); e = stream.next()) {
                            seen.add(e.get());
                        }
                    }
                })
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(text(seen)).isEqualTo("partial ans");
        assertThat(seen).noneMatch(StreamEvent.Finished.class::isInstance);
    }

    @Test
    void unknown_event_types_are_skipped() {
        fake.unknownEventThenText("fine");
        assertThat(text(drain(providerFor(fake.baseUrl()).stream(request("hi")))))
                .isEqualTo("fine");
    }

    @Test
    void a_malformed_event_never_crashes_the_turn() {
        fake.malformedEventThenText("still fine");
        List<StreamEvent> events = drain(providerFor(fake.baseUrl()).stream(request("hi")));
        assertThat(text(events)).isEqualTo("still fine");
        assertThat(events).last().isInstanceOf(StreamEvent.Finished.class);
    }

    @Test
    void closing_the_stream_early_is_allowed_and_idempotent() {
        fake.textTurn("one", "two", "three");
        ChatStream stream = providerFor(fake.baseUrl()).stream(request("hi"));
        assertThat(stream.next()).isPresent();
        stream.close();
        stream.close();
        assertThat(stream.next()).isEmpty();
    }
}
