package openclaw.provider.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import openclaw.provider.SseReader;
import openclaw.provider.StreamingHttp;
import openclaw.sdk.provider.ChatStream;
import openclaw.sdk.provider.ProviderException;
import openclaw.sdk.provider.StopReason;
import openclaw.sdk.provider.StreamEvent;

/**
 * The events of one Chat Completions turn, read from its SSE body one {@code data:} chunk at a time (protocols.md
 * section 2.1). {@code delta.content} and {@code delta.refusal} become {@link StreamEvent.TextDelta}s; {@code
 * delta.reasoning_content} or {@code delta.reasoning} (vLLM, Ollama, OpenRouter, DeepSeek) become {@link
 * StreamEvent.ThinkingDelta}s; tool-call fragments are merged by {@link ToolCallMerger} and emitted when the choice
 * finishes. Usage may arrive in any chunk (the last one wins) and is emitted once, just before {@link
 * StreamEvent.Finished}, which follows {@code data: [DONE]}.
 *
 * <p>Robustness: malformed JSON and chunks of unknown shape are skipped; a chunk carrying an {@code error} is thrown
 * as a {@link ProviderException}; a body that ends before {@code [DONE]} and before any {@code finish_reason} is a
 * retryable transport failure (one that ends after a {@code finish_reason} but without {@code [DONE]} is accepted,
 * as some compatible servers omit it). Memory: the current SSE event, the events it produced and the tool calls being
 * merged.
 *
 * <p>Owned by one consumer thread; {@link #close()} may come from any thread and makes {@link #next()} return empty.
 */
final class ChatCompletionsStream implements ChatStream {

    /** Mid-stream error codes that describe a transient condition on the server's side. */
    private static final Set<String> RETRYABLE_CODES =
            Set.of("server_error", "rate_limit_exceeded", "overloaded", "overloaded_error", "timeout", "api_error");

    private final String provider;
    private final StreamingHttp.Open open;
    private final SseReader sse;
    private final UnaryOperator<String> redact;
    private final ArrayDeque<StreamEvent> pending = new ArrayDeque<>();
    private final ToolCallMerger toolCalls = new ToolCallMerger();
    private final AtomicBoolean released = new AtomicBoolean();
    private volatile boolean closed;
    private boolean done;
    private boolean finishSeen;
    private StopReason stopReason = StopReason.END_TURN;
    private boolean usageSeen;
    private StreamEvent.Usage usage = new StreamEvent.Usage(0, 0, 0);

    ChatCompletionsStream(String provider, StreamingHttp.Open open, UnaryOperator<String> redact) {
        this.provider = provider;
        this.open = open;
        this.sse = new SseReader(open.response().body());
        this.redact = redact;
    }

    @Override
    public Optional<StreamEvent> next() {
        while (!closed) {
            if (!pending.isEmpty()) {
                return Optional.of(pending.poll());
            }
            if (done) {
                return Optional.empty();
            }
            readEvent();
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        closed = true;
        release();
    }

    private void release() {
        if (released.compareAndSet(false, true)) {
            open.close();
        }
    }

    private void readEvent() {
        Optional<SseReader.Event> event;
        try {
            event = sse.next();
        } catch (IOException e) {
            done = true;
            release();
            if (closed) {
                return;
            }
            throw ProviderException.transport(provider + " stream broke off: " + e.getMessage(), e);
        }
        if (event.isEmpty()) {
            endOfBody();
            return;
        }
        String data = event.get().data().strip();
        if (data.equals("[DONE]")) {
            finish();
        } else if (!data.isEmpty()) {
            chunk(data);
        }
    }

    private void endOfBody() {
        if (finishSeen) {
            finish();
            return;
        }
        done = true;
        release();
        if (!closed) {
            throw ProviderException.transport(
                    provider + " stream ended before [DONE]", new IOException("unexpected end of stream"));
        }
    }

    private void chunk(String data) {
        JsonNode chunk;
        try {
            chunk = OpenAiChatProvider.JSON.readTree(data);
        } catch (JsonProcessingException e) {
            return; // one garbled chunk must not cost the turn
        }
        if (chunk == null || !chunk.isObject()) {
            return;
        }
        JsonNode error = chunk.path("error");
        if (!error.isMissingNode() && !error.isNull()) {
            throw streamError(error);
        }
        if (chunk.path("object").asText("").equals("error")) {
            throw streamError(chunk);
        }
        for (JsonNode choice : chunk.path("choices")) {
            // n is never set, so only choice 0 exists; a server that sends more gets them ignored.
            if (choice.path("index").asInt(0) == 0) {
                choice(choice);
            }
        }
        JsonNode u = chunk.path("usage");
        if (u.isObject()) {
            usageSeen = true;
            usage = new StreamEvent.Usage(
                    u.path("prompt_tokens").asLong(0),
                    u.path("completion_tokens").asLong(0),
                    u.path("prompt_tokens_details").path("cached_tokens").asLong(0));
        }
    }

    private void choice(JsonNode choice) {
        JsonNode delta = choice.path("delta");
        String reasoning = OpenAiChatProvider.text(delta.path("reasoning_content"));
        if (reasoning.isEmpty()) {
            // Newer vLLM sends both fields with the same text; prefer reasoning_content so it is not doubled.
            reasoning = OpenAiChatProvider.text(delta.path("reasoning"));
        }
        if (!reasoning.isEmpty()) {
            pending.add(new StreamEvent.ThinkingDelta(reasoning));
        }
        String content = OpenAiChatProvider.text(delta.path("content"));
        if (!content.isEmpty()) {
            pending.add(new StreamEvent.TextDelta(content));
        }
        String refusal = OpenAiChatProvider.text(delta.path("refusal"));
        if (!refusal.isEmpty()) {
            pending.add(new StreamEvent.TextDelta(refusal));
        }
        toolCalls.add(delta.path("tool_calls"));
        String finish = OpenAiChatProvider.text(choice.path("finish_reason"));
        if (!finish.isEmpty()) {
            finishSeen = true;
            stopReason = stopReason(finish, !toolCalls.isEmpty());
            pending.addAll(toolCalls.drain());
        }
    }

    /** Queues the held tool calls and usage, then {@link StreamEvent.Finished}; the stream is over. */
    private void finish() {
        if (!toolCalls.isEmpty()) {
            stopReason = StopReason.TOOL_USE;
            pending.addAll(toolCalls.drain());
        }
        if (usageSeen) {
            pending.add(usage);
        }
        pending.add(new StreamEvent.Finished(stopReason));
        done = true;
        release();
    }

    static StopReason stopReason(String finishReason, boolean hasToolCalls) {
        return switch (finishReason) {
            // Ollama reports "stop" for a turn that called tools; the calls decide.
            case "stop" -> hasToolCalls ? StopReason.TOOL_USE : StopReason.END_TURN;
            case "tool_calls", "function_call" -> StopReason.TOOL_USE;
            case "length" -> StopReason.MAX_TOKENS;
            case "content_filter" -> StopReason.REFUSAL;
            default -> StopReason.OTHER;
        };
    }

    /** A mid-stream error: {@code {"error":{...}}}, {@code {"error":"text"}} or vLLM's flat {@code object:"error"}. */
    private ProviderException streamError(JsonNode error) {
        done = true;
        release();
        String message = error.isTextual() ? error.asText() : OpenAiChatProvider.text(error.path("message"));
        String code = OpenAiChatProvider.text(error.path("code"));
        int status = error.path("status").asInt(error.path("code").asInt(0));
        if (code.isEmpty() || error.path("code").isNumber()) {
            code = OpenAiChatProvider.text(error.path("type"));
        }
        boolean retryable =
                status >= 400 ? ProviderException.isRetryableStatus(status) : RETRYABLE_CODES.contains(code);
        String text = provider + " reported an error mid-stream" + (code.isEmpty() ? "" : " " + code)
                + (message.isEmpty() ? "" : ": " + message);
        return new ProviderException(
                redact.apply(text), retryable, Optional.empty(), status >= 400 ? status : 0, redact.apply(code));
    }
}
