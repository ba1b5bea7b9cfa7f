package openclaw.testkit.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server (JDK {@code HttpServer} on 127.0.0.1, a free port) that answers each request with the next
 * scripted {@link Reply} and records what it received. Replies can stream server-sent events chunk by chunk, pause
 * between chunks, or cut the connection mid-stream. An unscripted request gets a 599 so a test fails loudly.
 * Thread-safe; requests are handled on virtual threads.
 */
public final class FakeHttpServer implements AutoCloseable {

    /** A request as the server saw it; header names lower-cased. */
    public record Recorded(String method, String path, Map<String, String> headers, String body) {}

    /** A scripted answer. */
    public sealed interface Reply {
        /** A complete response with a body. */
        record Whole(int status, Map<String, String> headers, String body) implements Reply {}

        /**
         * A 200 streaming response: chunks are written and flushed one by one, {@code pauseMillis} apart; with {@code
         * cut} the connection is dropped after the last chunk instead of being finished cleanly.
         */
        record Stream(String contentType, List<String> chunks, long pauseMillis, boolean cut) implements Reply {}
    }

    private final HttpServer server;
    private final ConcurrentLinkedDeque<Reply> script = new ConcurrentLinkedDeque<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    private FakeHttpServer(HttpServer server) {
        this.server = server;
    }

    /** Starts a server on a free loopback port. */
    public static FakeHttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            FakeHttpServer fake = new FakeHttpServer(server);
            server.createContext("/", fake::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Queues a reply for the next unanswered request. */
    public void enqueue(Reply reply) {
        script.addLast(reply);
    }

    /** Queues a JSON response. */
    public void enqueueJson(int status, Map<String, String> headers, String json) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putIfAbsent("content-type", "application/json");
        enqueue(new Reply.Whole(status, all, json));
    }

    /** Queues an SSE stream made of complete {@code event:}/{@code data:} blocks. */
    public void enqueueSse(List<String> events) {
        enqueue(new Reply.Stream("text/event-stream", events, 0, false));
    }

    /** Every request received so far, in order. */
    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** The most recent request. */
    public Recorded lastRequest() {
        if (requests.isEmpty()) {
            throw new IllegalStateException("no request was received");
        }
        return requests.get(requests.size() - 1);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Recorded(
                exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
        Reply reply = script.pollFirst();
        if (reply instanceof Reply.Stream stream && stream.cut()) {
            stream(exchange, stream);
            // Not closing the exchange: the handler fails, the server drops the connection, and the client sees a
            // chunked body without its terminator, like an upstream that died mid-stream.
            throw new IOException("scripted cut after " + stream.chunks().size() + " chunk(s)");
        }
        try (exchange) {
            if (reply == null) {
                send(exchange, new Reply.Whole(599, Map.of(), "no scripted reply for " + exchange.getRequestURI()));
            } else if (reply instanceof Reply.Whole whole) {
                send(exchange, whole);
            } else if (reply instanceof Reply.Stream stream) {
                stream(exchange, stream);
            }
        }
    }

    private static void send(HttpExchange exchange, Reply.Whole whole) throws IOException {
        whole.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] bytes = whole.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(whole.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static void stream(HttpExchange exchange, Reply.Stream stream) throws IOException {
        exchange.getResponseHeaders().add("content-type", stream.contentType());
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        List<String> chunks = new ArrayList<>(stream.chunks());
        for (String chunk : chunks) {
            out.write(chunk.getBytes(StandardCharsets.UTF_8));
            out.flush();
            pause(stream.pauseMillis());
        }
    }

    private static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
