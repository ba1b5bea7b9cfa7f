package openclaw.testkit.provider.anthropic;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import openclaw.testkit.http.FakeHttpServer;
import openclaw.testkit.provider.ProviderFake;

/**
 * A loopback Anthropic Messages API. Each scripted turn answers the next {@code POST /v1/messages} with the SSE
 * Anthropic sends: {@code message_start} (message object with usage), {@code ping}, indexed {@code
 * content_block_start} / {@code content_block_delta} / {@code content_block_stop}, {@code message_delta} (stop reason,
 * output tokens) and {@code message_stop}. Errors use Anthropic's {@code {"type":"error","error":{type,message}}}
 * body.
 *
 * <p>Replies are scripted in advance, so the fake never rejects a request for its credentials; it accepts both
 * {@code x-api-key} and {@code Authorization: Bearer} (the official Java SDK sends the latter) and {@link
 * #presentedKey} reads whichever was sent. Thread-safe like {@link FakeHttpServer}.
 */
public final class FakeAnthropicServer implements ProviderFake {

    /** The signature attached to thinking blocks by {@link #thinkingTurn(String, String)}. */
    public static final String SIGNATURE = "EqQBCkYIBxgCKkDfakeSignature==";

    private final FakeHttpServer http;

    private FakeAnthropicServer(FakeHttpServer http) {
        this.http = http;
    }

    /** Starts a fake on a free loopback port. */
    public static FakeAnthropicServer start() {
        return new FakeAnthropicServer(FakeHttpServer.start());
    }

    /** The API root, without {@code /v1}, as {@code AnthropicProvider} is configured. */
    @Override
    public URI baseUrl() {
        return http.baseUri();
    }

    @Override
    public void textTurn(String... deltas) {
        Sse sse = new Sse().start().text(0, deltas);
        http.enqueueSse(sse.finish("end_turn", 5));
    }

    @Override
    public void toolCallTurn(String callId, String toolName, String... argumentFragments) {
        Sse sse = new Sse().start().toolUse(0, callId, toolName, argumentFragments);
        http.enqueueSse(sse.finish("tool_use", 5));
    }

    @Override
    public void thinkingTurn(String thinking, String answer) {
        Sse sse = new Sse().start().thinking(0, thinking, SIGNATURE).text(1, answer);
        http.enqueueSse(sse.finish("end_turn", 5));
    }

    /** A thinking block with this signature, then a tool call (a turn whose thinking must be passed back). */
    public void thinkingToolCallTurn(
            String thinking, String signature, String callId, String toolName, String argumentsJson) {
        Sse sse = new Sse().start().thinking(0, thinking, signature).toolUse(1, callId, toolName, argumentsJson);
        http.enqueueSse(sse.finish("tool_use", 5));
    }

    /** A turn that stops for this {@code stop_reason} after the text. */
    public void textTurnStopping(String stopReason, String text) {
        http.enqueueSse(new Sse().start().text(0, text).finish(stopReason, 5));
    }

    /** A text turn whose prompt also read {@code cacheReadTokens} from the prompt cache (10 uncached input tokens). */
    public void cachedTextTurn(int cacheReadTokens, String text) {
        http.enqueueSse(new Sse().start(cacheReadTokens).text(0, text).finish("end_turn", 5));
    }

    @Override
    public void error(int status, int retryAfterSeconds, String message) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("request-id", "req_fake");
        if (retryAfterSeconds > 0) {
            headers.put("retry-after", Integer.toString(retryAfterSeconds));
        }
        http.enqueueJson(status, headers, errorJson(errorType(status), message));
    }

    /** Streams {@code partialText}, then a mid-stream {@code event: error} of this type (e.g. overloaded_error). */
    public void errorMidStream(String partialText, String errorType, String message) {
        Sse sse = new Sse().start().open(0, "{\"type\":\"text\",\"text\":\"\"}").textDelta(0, partialText);
        sse.event("error", errorJson(errorType, message));
        http.enqueueSse(sse.events);
    }

    @Override
    public void cutAfter(String partialText) {
        Sse sse = new Sse().start().open(0, "{\"type\":\"text\",\"text\":\"\"}").textDelta(0, partialText);
        // The JDK client drops bytes it has buffered but not yet handed out once the connection fails, so the fake
        // pauses after each event, as a real upstream would, to let the client read the text before the cut.
        http.enqueue(new FakeHttpServer.Reply.Stream("text/event-stream", sse.events, 100, true));
    }

    @Override
    public void unknownEventThenText(String text) {
        Sse sse = new Sse().start();
        sse.event("vendor_extension", "{\"type\":\"vendor_extension\",\"detail\":{\"x\":1}}");
        http.enqueueSse(sse.text(0, text).finish("end_turn", 5));
    }

    @Override
    public void malformedEventThenText(String text) {
        Sse sse = new Sse().start();
        sse.events.add("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\n\n");
        http.enqueueSse(sse.text(0, text).finish("end_turn", 5));
    }

    @Override
    public List<FakeHttpServer.Recorded> requests() {
        return http.requests();
    }

    /** The key a request carried, from {@code x-api-key} or else {@code Authorization: Bearer}. */
    public static Optional<String> presentedKey(FakeHttpServer.Recorded request) {
        String key = request.headers().get("x-api-key");
        if (key != null && !key.isBlank()) {
            return Optional.of(key);
        }
        String authorization = request.headers().getOrDefault("authorization", "");
        return authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? Optional.of(authorization.substring(7).strip())
                : Optional.empty();
    }

    @Override
    public void close() {
        http.close();
    }

    /** Anthropic's {@code error.type} for an HTTP status. */
    static String errorType(int status) {
        return switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 402 -> "billing_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 504 -> "timeout_error";
            case 529 -> "overloaded_error";
            default -> "api_error";
        };
    }

    private static String errorJson(String type, String message) {
        return "{\"type\":\"error\",\"error\":{\"type\":" + quote(type) + ",\"message\":" + quote(message)
                + "},\"request_id\":\"req_fake\"}";
    }

    /** A JSON string literal. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Builds one SSE response event by event; every {@code data.type} matches its {@code event:} line. */
    private static final class Sse {

        private final List<String> events = new ArrayList<>();

        void event(String type, String json) {
            events.add("event: " + type + "\ndata: " + json + "\n\n");
        }

        Sse start() {
            return start(0);
        }

        Sse start(int cacheReadTokens) {
            event(
                    "message_start",
                    "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_fake01\",\"type\":\"message\","
                            + "\"role\":\"assistant\",\"content\":[],\"model\":\"claude-fake\",\"stop_reason\":null,"
                            + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":10,\"cache_creation_input_tokens\":0,"
                            + "\"cache_read_input_tokens\":" + cacheReadTokens + ",\"output_tokens\":1}}}");
            event("ping", "{\"type\":\"ping\"}");
            return this;
        }

        Sse open(int index, String contentBlock) {
            event(
                    "content_block_start",
                    "{\"type\":\"content_block_start\",\"index\":" + index + ",\"content_block\":" + contentBlock
                            + "}");
            return this;
        }

        Sse delta(int index, String delta) {
            event(
                    "content_block_delta",
                    "{\"type\":\"content_block_delta\",\"index\":" + index + ",\"delta\":" + delta + "}");
            return this;
        }

        Sse textDelta(int index, String text) {
            return delta(index, "{\"type\":\"text_delta\",\"text\":" + quote(text) + "}");
        }

        Sse close(int index) {
            event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + index + "}");
            return this;
        }

        Sse text(int index, String... deltas) {
            open(index, "{\"type\":\"text\",\"text\":\"\"}");
            for (String d : deltas) {
                textDelta(index, d);
            }
            return close(index);
        }

        Sse thinking(int index, String thinking, String signature) {
            open(index, "{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}");
            int half = thinking.length() / 2;
            for (String part : List.of(thinking.substring(0, half), thinking.substring(half))) {
                delta(index, "{\"type\":\"thinking_delta\",\"thinking\":" + quote(part) + "}");
            }
            delta(index, "{\"type\":\"signature_delta\",\"signature\":" + quote(signature) + "}");
            return close(index);
        }

        Sse toolUse(int index, String id, String name, String... fragments) {
            open(index, "{\"type\":\"tool_use\",\"id\":" + quote(id) + ",\"name\":" + quote(name) + ",\"input\":{}}");
            for (String f : fragments) {
                delta(index, "{\"type\":\"input_json_delta\",\"partial_json\":" + quote(f) + "}");
            }
            return close(index);
        }

        List<String> finish(String stopReason, int outputTokens) {
            event(
                    "message_delta",
                    "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":" + quote(stopReason)
                            + ",\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + outputTokens + "}}");
            event("message_stop", "{\"type\":\"message_stop\"}");
            return events;
        }
    }
}
