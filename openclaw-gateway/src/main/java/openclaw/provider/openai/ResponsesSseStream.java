package openclaw.provider.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import openclaw.provider.ProviderErrors;
import openclaw.provider.SseReader;
import openclaw.provider.StreamingHttp;
import openclaw.sdk.provider.ChatRequest;
import openclaw.sdk.provider.ChatStream;
import openclaw.sdk.provider.ProviderException;
import openclaw.sdk.provider.StreamEvent;

/**
 * One Responses API turn over HTTP SSE: {@code POST {baseUrl}/responses} with {@code stream:true}, read one event at a
 * time. The stream has no {@code [DONE]}; it must end with a terminal event, otherwise the turn fails with a retryable
 * transport error. Malformed {@code data:} payloads are skipped. Owned by one consumer; {@link #close()} may come from
 * another thread and cancels the exchange.
 */
final class ResponsesSseStream implements ChatStream {

    private final String provider;
    private final StreamingHttp.Open open;
    private final SseReader reader;
    private final ResponsesEventMapper mapper;
    private final ArrayDeque<StreamEvent> pending = new ArrayDeque<>();
    private volatile boolean closed;

    private ResponsesSseStream(String provider, StreamingHttp.Open open) {
        this.provider = provider;
        this.open = open;
        this.reader = new SseReader(open.response().body());
        this.mapper = new ResponsesEventMapper(provider);
    }

    /**
     * Posts the request and checks the status.
     *
     * @throws ProviderException for an unreachable server or an HTTP error status
     */
    static ResponsesSseStream open(
            String provider, StreamingHttp http, URI baseUrl, String apiKey, ChatRequest request) {
        URI uri = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/responses");
        String body = ResponsesRequests.sseBody(request).toString();
        StreamingHttp.Open open = http.post(
                provider, uri, Map.of("authorization", "Bearer " + apiKey, "accept", "text/event-stream"), body);
        int status = open.response().statusCode();
        if (status / 100 != 2) {
            String text = StreamingHttp.readSmallBody(open.response());
            open.close();
            JsonNode error = parse(text).map(n -> n.path("error")).orElse(ResponsesRequests.JSON.missingNode());
            String code = error.path("code").asText("");
            throw ProviderErrors.fromResponse(
                    provider,
                    status,
                    open.response().headers(),
                    code.isEmpty() ? error.path("type").asText("") : code,
                    error.path("message").asText(""));
        }
        return new ResponsesSseStream(provider, open);
    }

    @Override
    public Optional<StreamEvent> next() {
        if (closed) {
            return Optional.empty();
        }
        while (pending.isEmpty()) {
            if (closed || mapper.terminal()) {
                return Optional.empty();
            }
            Optional<SseReader.Event> event = read();
            if (event.isEmpty()) {
                if (closed) {
                    return Optional.empty();
                }
                close();
                throw ProviderException.transport(
                        provider + " stream ended before response.completed", new IOException("unexpected end"));
            }
            Optional<JsonNode> json = parse(event.get().data());
            if (json.isPresent()) {
                try {
                    pending.addAll(mapper.map(json.get()));
                } catch (ProviderException e) {
                    close();
                    throw e;
                }
            }
            if (mapper.terminal()) {
                // Nothing follows a terminal event: release the connection now.
                open.close();
            }
        }
        return Optional.of(pending.poll());
    }

    @Override
    public void close() {
        closed = true;
        open.close();
    }

    private Optional<SseReader.Event> read() {
        try {
            return reader.next();
        } catch (IOException e) {
            if (closed) {
                return Optional.empty();
            }
            close();
            throw ProviderException.transport(provider + " stream broke: " + e.getMessage(), e);
        }
    }

    /** The JSON of an event payload, empty when it is not JSON (such events are skipped). */
    static Optional<JsonNode> parse(String data) {
        try {
            JsonNode node = ResponsesRequests.JSON.readTree(data);
            return node == null || !node.isObject() ? Optional.empty() : Optional.of(node);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
