package openclaw.provider.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import openclaw.provider.SseReader;
import openclaw.provider.StreamingHttp;
import openclaw.sdk.provider.ChatStream;
import openclaw.sdk.provider.ProviderException;
import openclaw.sdk.provider.StopReason;
import openclaw.sdk.provider.StreamEvent;

/**
 * One streaming Messages API turn: reads SSE events from the open response and turns them into {@link StreamEvent}s.
 * Text and thinking deltas pass through as they arrive; a thinking block is also emitted whole, with its signature,
 * at its {@code content_block_stop}; a {@code tool_use} block's {@code input_json_delta} fragments are joined and
 * emitted as one {@link StreamEvent.ToolCall} at its stop. {@code message_stop} yields one {@link StreamEvent.Usage}
 * and then {@link StreamEvent.Finished}. {@code ping}, unknown events and unparseable data are skipped. Anthropic's
 * {@code input_tokens} excludes cached prompt tokens, so {@link StreamEvent.Usage#inputTokens()} is the sum of {@code
 * input_tokens}, {@code cache_read_input_tokens} and {@code cache_creation_input_tokens} (the whole prompt, as other
 * providers report it) and {@link StreamEvent.Usage#cachedInputTokens()} is the cache reads.
 *
 * <p>Not thread-safe apart from {@link #close()}, which may be called from any thread to abort the turn. An error
 * response found when the stream was opened is thrown by the first {@link #next()}.
 */
final class AnthropicStream implements ChatStream {

    /** A content block being assembled; {@code kind} is the block type, {@code text} its accumulated content. */
    private record Block(String kind, String id, String name, StringBuilder text, StringBuilder signature) {}

    private final String provider;
    private final StreamingHttp.Open open;
    private final SseReader reader;
    private final ArrayDeque<StreamEvent> pending = new ArrayDeque<>();
    private final Map<Integer, Block> blocks = new HashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private Optional<ProviderException> failure;
    private boolean finished;
    private StopReason stopReason = StopReason.OTHER;
    private long inputTokens;
    private long cacheReadTokens;
    private long cacheWriteTokens;
    private long outputTokens;

    AnthropicStream(String provider, StreamingHttp.Open open, Optional<ProviderException> failure) {
        this.provider = provider;
        this.open = open;
        this.reader = new SseReader(open.response().body());
        this.failure = failure;
    }

    @Override
    public Optional<StreamEvent> next() {
        if (failure.isPresent()) {
            ProviderException e = failure.get();
            failure = Optional.empty();
            close();
            throw e;
        }
        while (pending.isEmpty()) {
            if (finished || closed.get()) {
                return Optional.empty();
            }
            Optional<SseReader.Event> event = read();
            if (event.isEmpty()) {
                return Optional.empty();
            }
            handle(event.get());
        }
        return Optional.of(pending.poll());
    }

    private Optional<SseReader.Event> read() {
        try {
            Optional<SseReader.Event> event = reader.next();
            if (event.isEmpty() && !closed.get()) {
                close();
                throw ProviderException.transport(
                        provider + " stream ended before message_stop", new EOFException("no message_stop"));
            }
            return event;
        } catch (IOException e) {
            if (closed.get()) {
                return Optional.empty();
            }
            close();
            throw ProviderException.transport(provider + " stream failed: " + e.getMessage(), e);
        }
    }

    private void handle(SseReader.Event event) {
        JsonNode data;
        try {
            data = AnthropicRequests.JSON.readTree(event.data());
        } catch (JsonProcessingException e) {
            return; // a malformed event is skipped; the turn goes on
        }
        if (data == null || !data.isObject()) {
            return;
        }
        String type = data.path("type").asText(event.event());
        switch (type) {
            case "message_start" -> usage(data.path("message").path("usage"));
            case "content_block_start" -> start(data.path("index").asInt(), data.path("content_block"));
            case "content_block_delta" -> delta(data.path("index").asInt(), data.path("delta"));
            case "content_block_stop" -> stop(data.path("index").asInt());
            case "message_delta" -> {
                JsonNode reason = data.path("delta").path("stop_reason");
                if (reason.isTextual()) {
                    stopReason = stopReason(reason.asText());
                }
                usage(data.path("usage"));
            }
            case "message_stop" -> {
                pending.add(new StreamEvent.Usage(
                        inputTokens + cacheReadTokens + cacheWriteTokens, outputTokens, cacheReadTokens));
                pending.add(new StreamEvent.Finished(stopReason));
                finished = true;
                close();
            }
            case "error" -> throw streamError(data.path("error"));
            default -> {
                // ping and event types newer than this client
            }
        }
    }

    private void start(int index, JsonNode block) {
        String kind = block.path("type").asText();
        blocks.put(
                index,
                new Block(
                        kind,
                        block.path("id").asText(),
                        block.path("name").asText(),
                        new StringBuilder(),
                        new StringBuilder(block.path("signature").asText())));
        String initial = kind.equals("text") ? block.path("text").asText() : "";
        if (!initial.isEmpty()) {
            pending.add(new StreamEvent.TextDelta(initial));
        }
    }

    private void delta(int index, JsonNode delta) {
        Block block = blocks.get(index);
        switch (delta.path("type").asText()) {
            case "text_delta" -> {
                String text = delta.path("text").asText();
                if (!text.isEmpty()) {
                    pending.add(new StreamEvent.TextDelta(text));
                }
            }
            case "thinking_delta" -> {
                String text = delta.path("thinking").asText();
                if (block != null) {
                    block.text().append(text);
                }
                if (!text.isEmpty()) {
                    pending.add(new StreamEvent.ThinkingDelta(text));
                }
            }
            case "signature_delta" -> {
                if (block != null) {
                    block.signature().append(delta.path("signature").asText());
                }
            }
            case "input_json_delta" -> {
                if (block != null) {
                    block.text().append(delta.path("partial_json").asText());
                }
            }
            default -> {
                // citations_delta and newer delta types carry nothing the SPI models
            }
        }
    }

    private void stop(int index) {
        Block block = blocks.remove(index);
        if (block == null) {
            return;
        }
        switch (block.kind()) {
            case "thinking" ->
                pending.add(new StreamEvent.ThinkingBlock(
                        block.text().toString(), block.signature().toString()));
            case "tool_use" -> {
                String json = block.text().toString();
                pending.add(new StreamEvent.ToolCall(block.id(), block.name(), json.isBlank() ? "{}" : json));
            }
            default -> {
                // text was streamed already; redacted_thinking and server-tool blocks are not modelled
            }
        }
    }

    /** Usage counts are cumulative: a later event's value replaces an earlier one. */
    private void usage(JsonNode usage) {
        inputTokens = usage.path("input_tokens").asLong(inputTokens);
        cacheReadTokens = usage.path("cache_read_input_tokens").asLong(cacheReadTokens);
        cacheWriteTokens = usage.path("cache_creation_input_tokens").asLong(cacheWriteTokens);
        outputTokens = usage.path("output_tokens").asLong(outputTokens);
    }

    static StopReason stopReason(String wire) {
        return switch (wire) {
            case "end_turn" -> StopReason.END_TURN;
            case "tool_use" -> StopReason.TOOL_USE;
            case "max_tokens" -> StopReason.MAX_TOKENS;
            case "stop_sequence" -> StopReason.STOP_SEQUENCE;
            case "refusal" -> StopReason.REFUSAL;
            default -> StopReason.OTHER;
        };
    }

    /** A mid-stream {@code event: error}: overload and server-side failures are worth a retry. */
    private ProviderException streamError(JsonNode error) {
        close();
        String code = error.path("type").asText("");
        String message = error.path("message").asText("");
        boolean retryable =
                switch (code) {
                    case "overloaded_error", "api_error", "rate_limit_error", "timeout_error" -> true;
                    default -> false;
                };
        return new ProviderException(
                provider + " stream failed: " + code + (message.isEmpty() ? "" : ": " + message),
                retryable,
                Optional.empty(),
                0,
                code);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            open.close();
        }
    }
}
