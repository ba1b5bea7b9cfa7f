package openclaw.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import openclaw.http.SocketEndpoint;

/**
 * One Responses WebSocket: each {@code response.create} text frame starts a response whose events go back as bare
 * JSON text frames (the SSE payloads, no {@code [DONE]}). One response runs at a time; a create while one runs gets an
 * error frame. The latest response is cached on the connection, so {@code previous_response_id} works with
 * {@code store:false}. Errors are frames {@code {"type":"error","status",error:{type,code,message,param}}}. After its
 * maximum age the connection gets a {@code websocket_connection_limit_reached} error and is closed (1000).
 * Thread-safe: frames arrive on the socket's thread, responses run on their own virtual threads.
 */
final class ResponsesConnection implements SocketEndpoint.Handler {

    private static final Logger LOG = Logger.getLogger(ResponsesConnection.class.getName());

    /**
     * What a connection uses.
     *
     * @param context the API's services
     * @param metrics request counters ({@code endpoint="responses"})
     * @param turn creates responses
     * @param caller the authenticated caller's name, for the migration counter
     */
    record Services(ApiContext context, ApiMetrics metrics, ResponseTurn turn, String caller) {}

    private final Services services;
    private final Map<String, String> headers;
    private final SocketEndpoint.Outbound out;
    /** The in-flight response's token, null when idle. */
    private final AtomicReference<Object> inFlight = new AtomicReference<>();

    private volatile Optional<ResponseStore.Stored> latest = Optional.empty();
    private volatile Optional<ScheduledFuture<?>> ageLimit = Optional.empty();

    ResponsesConnection(Services services, Map<String, String> headers, SocketEndpoint.Outbound out) {
        this.services = services;
        this.headers = Map.copyOf(headers);
        this.out = out;
    }

    /** Closes the connection once it is {@code maxAge} old. */
    void limitAge(ScheduledExecutorService timer, Duration maxAge) {
        ageLimit = Optional.of(timer.schedule(() -> expire(maxAge), maxAge.toMillis(), TimeUnit.MILLISECONDS));
    }

    private void expire(Duration maxAge) {
        long minutes = maxAge.toMinutes();
        String age = minutes > 0 ? minutes + " minutes" : maxAge.toSeconds() + " seconds";
        sendError(ApiError.invalidCode(
                "websocket_connection_limit_reached",
                "Responses websocket connection limit reached (" + age + "). Create a new websocket connection to"
                        + " continue."));
        out.close(1000, "websocket_connection_limit_reached");
    }

    @Override
    public void onText(String message) {
        ObjectNode frame;
        try {
            frame = JsonBody.parse(message.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .node();
            String type = frame.path("type").asText();
            if (!type.equals("response.create")) {
                throw ApiError.invalid(
                        "type", "unknown_event_type", "Unsupported event type '" + type + "'; send 'response.create'.");
            }
        } catch (ApiError e) {
            count(e.status());
            sendError(e);
            return;
        }
        Object token = new Object();
        if (!inFlight.compareAndSet(null, token)) {
            count(400);
            sendError(ApiError.invalid(
                    "type",
                    "response_already_in_progress",
                    "A response is already in progress on this connection; wait for its terminal event"
                            + " (response.completed, response.failed or response.incomplete) before the next"
                            + " response.create, or open another connection."));
            return;
        }
        frame.remove("type");
        Thread.ofVirtual().name("responses-ws").start(() -> create(frame, token));
    }

    /**
     * Runs one response. The connection is free again before the response's last frame goes out (terminal event or
     * error), so a client may send its next {@code response.create} as soon as it reads that frame.
     */
    private void create(ObjectNode frame, Object token) {
        services.metrics().migration("responses", services.caller());
        try {
            ResponseRequest request = ResponseRequest.parse(JsonBody.of(frame), true);
            services.turn().create(request, this::header, this::previous, new Sink(token));
            count(200);
        } catch (ApiError e) {
            inFlight.compareAndSet(token, null);
            count(e.status());
            sendError(e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "response.create on a Responses socket failed", e);
            inFlight.compareAndSet(token, null);
            count(500);
            sendError(ApiError.server("The gateway failed to handle the request; see its log."));
        }
    }

    private Optional<String> header(String lowerCaseName) {
        return Optional.ofNullable(headers.get(lowerCaseName));
    }

    /** The connection's latest response first (it may not be stored), else a stored one. */
    private Optional<ResponseStore.Stored> previous(String id) {
        Optional<ResponseStore.Stored> cached = latest.filter(s -> s.id().equals(id));
        return cached.isPresent() ? cached : services.turn().store().get(id);
    }

    private void sendError(ApiError e) {
        out.send(errorFrame(e));
    }

    /** The socket's error frame: {@code {"type":"error","status",error:{type,code,message,param}}}. */
    static String errorFrame(ApiError e) {
        ObjectNode frame =
                ApiResponses.MAPPER.createObjectNode().put("type", "error").put("status", e.status());
        ObjectNode error = frame.putObject("error");
        error.put("type", e.type());
        error.put("code", e.code().orElse(null));
        error.put("message", e.getMessage());
        error.put("param", e.param().orElse(null));
        return frame.toString();
    }

    private void count(int status) {
        services.metrics().request("responses", status);
    }

    @Override
    public int maxMessageBytes() {
        return OpenAiApi.MAX_BODY_BYTES;
    }

    @Override
    public void onClose(int code, String reason) {
        ageLimit.ifPresent(f -> f.cancel(false));
    }

    /** Sends events as text frames; remembers the finished response before its terminal event. */
    private final class Sink implements ResponseStreamer.Sink {
        private final Object token;

        Sink(Object token) {
            this.token = token;
        }

        @Override
        public boolean send(ObjectNode event) {
            return out.send(event.toString());
        }

        @Override
        public void finished(ResponseStore.Stored stored) {
            latest = Optional.of(stored);
            inFlight.compareAndSet(token, null);
        }
    }
}
