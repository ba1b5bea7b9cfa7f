package openclaw.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import openclaw.chat.RunEvent;
import openclaw.chat.RunOutcome;
import openclaw.sdk.provider.StreamEvent;

/**
 * Streams one completion as Chat Completions server-sent events: {@code data:} lines without {@code event:}, a role
 * chunk, content deltas, one fragment per client tool call, a finish chunk, the usage chunk when asked, then
 * {@code data: [DONE]}. The response starts with the run's first visible event, so a run rejected or failed before
 * any output still gets a plain JSON error with its status; a failure after that is a {@code data:} object with an
 * {@code error} key, then {@code [DONE]}. When the client goes away the run is aborted. Used by one request thread.
 */
final class ChatCompletionStream {

    private static final Logger LOG = Logger.getLogger(ChatCompletionStream.class.getName());

    static final Map<String, String> SSE = Map.of("Content-Type", "text/event-stream", "Cache-Control", "no-cache");

    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    /** Writes the JSON of one event. */
    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private final ChatCompletionJson.Head head;
    private final boolean includeUsage;
    private final Set<String> sentCalls = new HashSet<>();
    private OutputStream out = OutputStream.nullOutputStream();
    private int toolIndex;

    private ChatCompletionStream(ChatCompletionJson.Head head, boolean includeUsage) {
        this.head = head;
        this.includeUsage = includeUsage;
    }

    /** Answers {@code call} with the events of a started run. */
    static void serve(ApiCall call, ApiTurns.Events events, ChatCompletionJson.Head head, boolean includeUsage) {
        new ChatCompletionStream(head, includeUsage).pump(call, events);
    }

    private void pump(ApiCall call, ApiTurns.Events events) {
        RunEvent event = events.next();
        while (event instanceof RunEvent.Started
                || event instanceof RunEvent.ToolStarted
                || event instanceof RunEvent.ToolFinished) {
            event = events.next(); // gateway tools run inside the turn: nothing to show the client yet
        }
        if (event instanceof RunEvent.Finished f) {
            ChatCompletionsRoutes.failure(f.outcome()).ifPresent(e -> {
                throw e;
            });
        }
        out = call.exchange().stream(200, SSE);
        try {
            choice(
                    g -> {
                        g.writeStringField("role", "assistant");
                        g.writeStringField("content", "");
                    },
                    Optional.empty());
            while (!(event instanceof RunEvent.Finished f)) {
                switch (event) {
                    case RunEvent.Text t
                    when !t.delta().isEmpty() ->
                        choice(g -> g.writeStringField("content", t.delta()), Optional.empty());
                    case RunEvent.ToolRequested r ->
                        toolCall(new StreamEvent.ToolCall(r.callId(), r.tool(), r.argumentsJson()));
                    default -> {}
                }
                event = events.next();
            }
            finish(f.outcome());
        } catch (IOException e) {
            LOG.log(Level.FINE, "client left the stream of " + head.id() + "; aborting its run", e);
            events.abort();
        } catch (ApiError e) {
            fail(e);
        } finally {
            close();
        }
    }

    private void finish(RunOutcome outcome) throws IOException {
        Optional<ApiError> failure = ChatCompletionsRoutes.failure(outcome);
        if (failure.isPresent()) {
            fail(failure.get());
            return;
        }
        for (StreamEvent.ToolCall call : outcome.toolCalls()) {
            if (!sentCalls.contains(call.callId())) {
                toolCall(call);
            }
        }
        choice(g -> {}, Optional.of(ChatCompletionJson.finishReason(outcome)));
        if (includeUsage) {
            write(g -> {
                g.writeStartObject();
                head(g);
                g.writeArrayFieldStart("choices");
                g.writeEndArray();
                g.writeFieldName("usage");
                ChatCompletionJson.usage(g, outcome);
                g.writeEndObject();
            });
        }
        send(DONE);
    }

    private void toolCall(StreamEvent.ToolCall call) throws IOException {
        int index = toolIndex++;
        sentCalls.add(call.callId());
        choice(
                g -> {
                    g.writeArrayFieldStart("tool_calls");
                    ChatCompletionJson.toolCall(g, index, call);
                    g.writeEndArray();
                },
                Optional.empty());
    }

    /** A chunk with one choice: its {@code delta} and {@code finish_reason}. */
    private void choice(Body delta, Optional<String> finishReason) throws IOException {
        write(g -> {
            g.writeStartObject();
            head(g);
            g.writeArrayFieldStart("choices");
            g.writeStartObject();
            g.writeNumberField("index", 0);
            g.writeObjectFieldStart("delta");
            delta.write(g);
            g.writeEndObject();
            g.writeNullField("logprobs");
            g.writeStringField("finish_reason", finishReason.orElse(null));
            g.writeEndObject();
            g.writeEndArray();
            if (includeUsage) {
                g.writeNullField("usage");
            }
            g.writeEndObject();
        });
    }

    private void head(JsonGenerator g) throws IOException {
        g.writeStringField("id", head.id());
        g.writeStringField("object", "chat.completion.chunk");
        g.writeNumberField("created", head.created());
        g.writeStringField("model", head.model());
        g.writeNullField("system_fingerprint");
    }

    /** The error object and {@code [DONE]}; a client already gone is not an error. */
    private void fail(ApiError error) {
        try {
            write(g -> ChatCompletionJson.error(g, error));
            send(DONE);
        } catch (IOException e) {
            LOG.log(Level.FINE, "client left before the error of " + head.id(), e);
        }
    }

    private void write(Body body) throws IOException {
        try {
            out.write(DATA);
            try (JsonGenerator g = ChatCompletionJson.generator(out)) {
                body.write(g);
            }
            out.write(END);
            out.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) { // the server reports a closed connection with its own unchecked types
            throw new IOException("writing the event failed", e);
        }
    }

    private void send(byte[] bytes) throws IOException {
        try {
            out.write(bytes);
            out.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            throw new IOException("writing the event failed", e);
        }
    }

    private void close() {
        try {
            out.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "closing the stream of " + head.id() + " failed", e);
        }
    }
}
