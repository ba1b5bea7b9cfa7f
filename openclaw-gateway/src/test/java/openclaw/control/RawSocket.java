package openclaw.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A bare WebSocket client for protocol tests: sends any text, records every frame and the close code. */
final class RawSocket implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    final WebSocket socket;
    final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private RawSocket(WebSocket socket) {
        this.socket = socket;
    }

    static RawSocket open(int port, Optional<String> origin) {
        Holder holder = new Holder();
        WebSocket.Builder b = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        origin.ifPresent(o -> b.header("Origin", o));
        WebSocket ws =
                b.buildAsync(URI.create("ws://127.0.0.1:" + port + "/"), holder).join();
        return holder.raw;
    }

    /** Sends a frame. */
    RawSocket send(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    /** The next frame matching {@code match}, skipping others (ticks, events). */
    JsonNode next(Predicate<JsonNode> match) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                JsonNode f = frames.poll(100, TimeUnit.MILLISECONDS);
                if (f != null && match.test(f)) {
                    return f;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no matching frame within 10 s");
    }

    JsonNode res(String id) {
        return next(f ->
                f.path("type").asText().equals("res") && f.path("id").asText().equals(id));
    }

    JsonNode event(String name) {
        return next(f -> f.path("type").asText().equals("event")
                && f.path("event").asText().equals(name));
    }

    int awaitClose() {
        return closed.orTimeout(15, TimeUnit.SECONDS).join();
    }

    static String req(String id, String method, String paramsJson) {
        return "{\"type\":\"req\",\"id\":\"" + id + "\",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}";
    }

    static String connect(String token, int min, int max) {
        return req(
                "c1",
                "connect",
                "{\"minProtocol\":" + min + ",\"maxProtocol\":" + max
                        + ",\"client\":{\"id\":\"test\",\"version\":\"1\",\"platform\":\"linux\",\"mode\":\"test\"},"
                        + "\"role\":\"operator\",\"scopes\":[\"operator.read\",\"operator.write\",\"operator.admin\"],"
                        + "\"caps\":[\"tool-events\"],\"auth\":{\"token\":\"" + token + "\"}}");
    }

    /** Opens, answers the challenge and checks the hello. */
    static RawSocket authenticated(int port, String token) {
        RawSocket s = open(port, Optional.empty());
        s.event("connect.challenge");
        JsonNode hello = s.send(connect(token, 3, 4)).res("c1");
        if (!hello.path("ok").asBoolean()) {
            throw new AssertionError("connect failed: " + hello);
        }
        return s;
    }

    @Override
    public void close() {
        socket.abort();
    }

    /** Collects frames into the socket under construction. */
    private static final class Holder implements WebSocket.Listener {
        RawSocket raw;
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            raw = new RawSocket(webSocket);
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                try {
                    raw.frames.add(JSON.readTree(buffer.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                buffer.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            raw.closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            raw.closed.complete(1006);
        }
    }
}
