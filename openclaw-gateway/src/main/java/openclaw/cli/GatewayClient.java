package openclaw.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import openclaw.lifecycle.BuildInfo;
import openclaw.sdk.OpenClawException;

/**
 * A client of the gateway WebSocket protocol (what {@code openclaw agent} and {@code openclaw gateway status} use):
 * connects, answers the challenge with a {@code connect} request carrying the token, then sends requests and routes
 * answers by id and events to a listener. Requests may get several answers (the {@code agent} method answers twice);
 * {@link #call} returns the first, {@link #callUntil} the first that matches. Thread-safe.
 */
public final class GatewayClient implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** An error answer from the gateway. */
    public static final class RemoteError extends OpenClawException {
        private static final long serialVersionUID = 1L;
        private final transient JsonNode error;

        RemoteError(JsonNode error) {
            super(error.path("message").asText("error") + " ("
                    + error.path("code").asText() + ")");
            this.error = error;
        }

        /** The {@code error} object of the answer. */
        public JsonNode error() {
            return error;
        }
    }

    private final HttpClient http;
    private final WebSocket socket;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final CompletableFuture<Integer> closed;

    /** Completes with the close code once the socket closed. */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    private volatile JsonNode hello;

    /** A request waiting for the answer that satisfies {@code done}. */
    private record Pending(java.util.function.Predicate<JsonNode> done, CompletableFuture<JsonNode> answer) {}

    private GatewayClient(HttpClient http, WebSocket socket, Listener listener) {
        this.http = http;
        this.socket = socket;
        this.closed = listener.closed;
    }

    /**
     * Connects and authenticates.
     *
     * @param url e.g. {@code ws://127.0.0.1:18789/}
     * @param token the gateway token, if auth is on
     * @param events receives every event (name, payload) on the socket's thread
     * @throws OpenClawException when the gateway cannot be reached or refuses the connect
     */
    public static GatewayClient connect(
            URI url, Optional<String> token, String clientId, String mode, BiConsumer<String, JsonNode> events) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Listener listener = new Listener(events);
        WebSocket socket;
        try {
            socket = http.newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(url, listener)
                    .get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            http.close();
            throw new OpenClawException("cannot connect to the gateway at " + url + ": " + rootMessage(e), e);
        } catch (TimeoutException | InterruptedException e) {
            http.close();
            throw new OpenClawException("the gateway at " + url + " did not answer", e);
        }
        try {
            String nonce = listener.challenge.get(10, TimeUnit.SECONDS);
            ObjectNode params = MAPPER.createObjectNode().put("minProtocol", 3).put("maxProtocol", 4);
            params.putObject("client")
                    .put("id", clientId)
                    .put("version", BuildInfo.current().version())
                    .put("platform", System.getProperty("os.name", "unknown").toLowerCase(java.util.Locale.ROOT))
                    .put("mode", mode);
            params.put("role", "operator");
            params.putArray("scopes").add("operator.read").add("operator.write").add("operator.admin");
            params.putArray("caps").add("tool-events");
            token.ifPresent(t -> params.putObject("auth").put("token", t));
            GatewayClient client = new GatewayClient(http, socket, listener);
            listener.client = client;
            client.hello = client.call("connect", params, Duration.ofSeconds(10));
            return client;
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            socket.abort();
            http.close();
            throw new OpenClawException("the gateway at " + url + " did not complete the handshake", e);
        } catch (RuntimeException e) {
            socket.abort();
            http.close();
            throw e;
        }
    }

    /** The {@code hello-ok} payload. */
    public JsonNode hello() {
        return hello;
    }

    /** Sends a request and waits for its first answer. */
    public JsonNode call(String method, JsonNode params, Duration timeout) {
        return callUntil(method, params, answer -> true, timeout);
    }

    /** Sends a request and waits for the first answer that satisfies {@code done} (or an error answer). */
    public JsonNode callUntil(
            String method, JsonNode params, java.util.function.Predicate<JsonNode> done, Duration timeout) {
        String id = Long.toString(ids.incrementAndGet());
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, new Pending(done, answer));
        ObjectNode frame =
                MAPPER.createObjectNode().put("type", "req").put("id", id).put("method", method);
        frame.set("params", params);
        socket.sendText(frame.toString(), true).join();
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new OpenClawException(method + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new OpenClawException(method + ": no answer from the gateway within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenClawException(method + ": interrupted", e);
        } finally {
            pending.remove(id);
        }
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            socket.abort();
        }
        http.close();
    }

    private void answer(JsonNode frame) {
        Pending p = pending.get(frame.path("id").asText());
        if (p == null) {
            return;
        }
        if (!frame.path("ok").asBoolean()) {
            p.answer().completeExceptionally(new RemoteError(frame.path("error")));
        } else if (p.done().test(frame.path("payload"))) {
            p.answer().complete(frame.path("payload"));
        }
    }

    private void closedBy(int code, String reason) {
        pending.values().forEach(p -> p.answer()
                .completeExceptionally(
                        new OpenClawException("the gateway closed the connection (" + code + " " + reason + ")")));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** Receives frames and joins fragments. */
    private static final class Listener implements WebSocket.Listener {
        private final BiConsumer<String, JsonNode> events;
        private final StringBuilder buffer = new StringBuilder();
        final CompletableFuture<String> challenge = new CompletableFuture<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        volatile GatewayClient client;

        Listener(BiConsumer<String, JsonNode> events) {
            this.events = events;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String text = buffer.toString();
                buffer.setLength(0);
                handle(text);
            }
            webSocket.request(1);
            return null;
        }

        private void handle(String text) {
            JsonNode frame;
            try {
                frame = MAPPER.readTree(text);
            } catch (IOException e) {
                return;
            }
            switch (frame.path("type").asText()) {
                case "event" -> {
                    if (frame.path("event").asText().equals("connect.challenge")) {
                        challenge.complete(frame.path("payload").path("nonce").asText());
                    } else {
                        events.accept(frame.path("event").asText(), frame.path("payload"));
                    }
                }
                case "res" -> {
                    GatewayClient c = client;
                    if (c != null) {
                        c.answer(frame);
                    }
                }
                default -> {}
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            challenge.completeExceptionally(new OpenClawException("closed " + statusCode + " " + reason));
            GatewayClient c = client;
            if (c != null) {
                c.closedBy(statusCode, reason);
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(1006);
            challenge.completeExceptionally(error);
            GatewayClient c = client;
            if (c != null) {
                c.closedBy(1006, String.valueOf(error.getMessage()));
            }
        }
    }
}
