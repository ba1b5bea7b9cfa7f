package openclaw.testkit.provider.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import openclaw.testkit.http.FakeHttpServer;
import openclaw.testkit.provider.ProviderFake;

/**
 * A loopback fake of OpenAI's streamed Chat Completions ({@code POST /v1/chat/completions}) that answers with real
 * chunk JSON (see {@link ChunkScript}): role chunk, content or reasoning deltas, tool-call fragments merged by index,
 * a finish chunk, the usage chunk with {@code choices:[]} and {@code data: [DONE]}. Errors use the real envelope
 * {@code {"error":{"message","type","param","code"}}}. Each scripting method queues the reply to the next request.
 * Thread-safe; close it after the test.
 */
public final class FakeOpenAiChatServer implements ProviderFake {

    /** The model name the fake reports in its chunks. */
    public static final String MODEL = "gpt-4o-mini-2024-07-18";

    /**
     * One tool call of a scripted turn.
     *
     * @param callId the call id (only on the first fragment)
     * @param toolName the tool name (only on the first fragment)
     * @param argumentFragments pieces of the JSON arguments, one per later fragment
     */
    public record ScriptedCall(String callId, String toolName, List<String> argumentFragments) {
        /** Requires every part; copies the list. */
        public ScriptedCall {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(toolName, "toolName");
            argumentFragments = List.copyOf(argumentFragments);
        }
    }

    private static final long CUT_PACING_MILLIS = 100;

    private final FakeHttpServer server;
    private final AtomicInteger turns = new AtomicInteger();

    private FakeOpenAiChatServer(FakeHttpServer server) {
        this.server = server;
    }

    /** Starts the fake on a free loopback port. */
    public static FakeOpenAiChatServer start() {
        return new FakeOpenAiChatServer(FakeHttpServer.start());
    }

    /** The underlying scripted server, for replies this class has no method for. */
    public FakeHttpServer http() {
        return server;
    }

    /** {@code http://127.0.0.1:<port>/v1}, as an OpenAI-compatible provider is configured. */
    @Override
    public URI baseUrl() {
        return URI.create(server.baseUri() + "/v1");
    }

    @Override
    public void textTurn(String... deltas) {
        ChunkScript script = script().role();
        for (String delta : deltas) {
            script.text(delta);
        }
        enqueue(script.finish("stop").usage(10, 5, 0).done());
    }

    @Override
    public void toolCallTurn(String callId, String toolName, String... argumentFragments) {
        parallelToolCallTurn(List.of(new ScriptedCall(callId, toolName, List.of(argumentFragments))));
    }

    /**
     * Several tool calls in one turn, as OpenAI streams parallel calls: the first fragment of each call (index, id,
     * name) in order, then their argument fragments interleaved round-robin, then {@code finish_reason:"tool_calls"}.
     */
    public void parallelToolCallTurn(List<ScriptedCall> calls) {
        ChunkScript script = script();
        for (int i = 0; i < calls.size(); i++) {
            script.toolCallStart(i, calls.get(i).callId(), calls.get(i).toolName());
        }
        int longest =
                calls.stream().mapToInt(c -> c.argumentFragments().size()).max().orElse(0);
        for (int piece = 0; piece < longest; piece++) {
            for (int i = 0; i < calls.size(); i++) {
                List<String> fragments = calls.get(i).argumentFragments();
                if (piece < fragments.size()) {
                    script.toolCallArguments(i, fragments.get(piece));
                }
            }
        }
        enqueue(script.finish("tool_calls").usage(40, 22, 0).done());
    }

    /**
     * A text turn whose chunks are flushed {@code pauseMillis} apart, like a slow model: for tests that watch a reply
     * stream in or stop it halfway.
     */
    public void pacedTextTurn(long pauseMillis, String... deltas) {
        ChunkScript script = script().role();
        for (String delta : deltas) {
            script.text(delta);
        }
        List<String> events = script.finish("stop").usage(10, 5, 0).done().events();
        server.enqueue(new FakeHttpServer.Reply.Stream("text/event-stream", events, pauseMillis, false));
    }

    /** Reasoning in {@code delta.reasoning_content} (vLLM, DeepSeek), then the answer. */
    @Override
    public void thinkingTurn(String thinking, String answer) {
        reasoningTurn("reasoning_content", thinking, answer);
    }

    /** Reasoning in the given delta field ({@code reasoning_content} or {@code reasoning}), then the answer. */
    public void reasoningTurn(String field, String thinking, String answer) {
        enqueue(script().role()
                .reasoning(field, thinking)
                .text(answer)
                .finish("stop")
                .usage(10, 5, 0)
                .done());
    }

    /** A text turn whose usage reports {@code cached} prompt tokens served from the cache. */
    public void textTurnWithUsage(String text, long prompt, long completion, long cached) {
        enqueue(script().role()
                .text(text)
                .finish("stop")
                .usage(prompt, completion, cached)
                .done());
    }

    /** A text turn that stops with this {@code finish_reason} (e.g. {@code length}, {@code content_filter}). */
    public void textTurnFinishing(String text, String finishReason) {
        enqueue(script().role().text(text).finish(finishReason).usage(10, 5, 0).done());
    }

    @Override
    public void error(int status, int retryAfterSeconds, String message) {
        ObjectNode body = ChunkScript.JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("message", message).put("type", errorType(status));
        error.putNull("param");
        String code = errorCode(status);
        if (code.isEmpty()) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        Map<String, String> headers = retryAfterSeconds > 0
                ? Map.of("retry-after", Integer.toString(retryAfterSeconds), "x-request-id", "req_fake")
                : Map.of("x-request-id", "req_fake");
        server.enqueueJson(status, headers, body.toString());
    }

    /** Some text, then a {@code data:} object with an {@code error} key, and the body ends (no {@code [DONE]}). */
    public void errorInStream(String partialText, String type, String code, String message) {
        enqueue(script().role().text(partialText).error(type, code, message));
    }

    /**
     * The role chunk and this text, then the connection drops. The chunks are paced: the JDK client's body stream
     * discards bytes it has received but not yet handed over once the connection fails, so an instant cut would race
     * with the reader and the text could be lost before the provider ever sees it.
     */
    @Override
    public void cutAfter(String partialText) {
        List<String> events = script().role().text(partialText).events();
        server.enqueue(new FakeHttpServer.Reply.Stream("text/event-stream", events, CUT_PACING_MILLIS, true));
    }

    /** An SSE comment (OpenRouter sends {@code : OPENROUTER PROCESSING}) and a chunk of an unknown shape. */
    @Override
    public void unknownEventThenText(String text) {
        ChunkScript script = script().verbatim(": OPENROUTER PROCESSING\n\n")
                .raw("{\"object\":\"chat.completion.keepalive\",\"type\":\"ping\",\"choices\":[{\"index\":0}]}")
                .raw("[1,2,3]")
                .role()
                .text(text);
        enqueue(script.finish("stop").usage(10, 5, 0).done());
    }

    @Override
    public void malformedEventThenText(String text) {
        ChunkScript script = script().raw("{\"id\":\"chatcmpl-broken\",\"choices\":[{\"delta\":{\"content\":\"lost")
                .role()
                .text(text);
        enqueue(script.finish("stop").usage(10, 5, 0).done());
    }

    /** Queues a stream of these verbatim {@code data:} payloads (each becomes {@code data: <payload>}). */
    public void rawTurn(List<String> dataPayloads) {
        ChunkScript script = script();
        dataPayloads.forEach(script::raw);
        enqueue(script);
    }

    @Override
    public List<FakeHttpServer.Recorded> requests() {
        return server.requests();
    }

    @Override
    public void close() {
        server.close();
    }

    private ChunkScript script() {
        return new ChunkScript("chatcmpl-CfAk" + turns.incrementAndGet() + "xYz", MODEL);
    }

    private void enqueue(ChunkScript script) {
        server.enqueueSse(new ArrayList<>(script.events()));
    }

    private static String errorType(int status) {
        return switch (status) {
            case 429 -> "requests";
            case 500, 502, 503 -> "server_error";
            default -> "invalid_request_error";
        };
    }

    private static String errorCode(int status) {
        return switch (status) {
            case 401 -> "invalid_api_key";
            case 404 -> "model_not_found";
            case 429 -> "rate_limit_exceeded";
            default -> "";
        };
    }
}
