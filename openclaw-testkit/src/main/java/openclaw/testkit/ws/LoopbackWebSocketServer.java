package openclaw.testkit.ws;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal loopback HTTP/1.1 + WebSocket (RFC 6455) server on 127.0.0.1 and a free port, for tests. Every connection
 * runs on its own virtual thread and serves one request: an upgrade ({@code Upgrade: websocket}) is offered to
 * {@link Handler#refusal} and, when accepted, answered with 101 and {@code Sec-WebSocket-Accept} before {@link
 * Handler#connected} runs the socket; any other request goes to {@link Handler#http}, which writes a close-delimited
 * response. Supports text frames (fragmented client messages are assembled), ping/pong and close frames; no
 * extensions. Not for production use.
 */
public final class LoopbackWebSocketServer implements AutoCloseable {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /**
     * The request line and headers (names lower-cased) of one HTTP request, with its body when it had one.
     *
     * @param method the HTTP method
     * @param path the request path without query
     * @param headers the headers, names lower-cased
     * @param body the request body, empty for upgrades
     */
    public record Request(String method, String path, Map<String, String> headers, String body) {
        /** Copies the headers. */
        public Request {
            headers = Map.copyOf(headers);
        }

        /** True for a WebSocket upgrade request. */
        public boolean isUpgrade() {
            return headers.getOrDefault("upgrade", "").equalsIgnoreCase("websocket");
        }
    }

    /**
     * A refused upgrade: the HTTP status, extra headers and body sent instead of 101.
     *
     * @param status the HTTP status
     * @param headers extra response headers
     * @param body the response body
     */
    public record Refusal(int status, Map<String, String> headers, String body) {
        /** Copies the headers. */
        public Refusal {
            headers = Map.copyOf(headers);
        }
    }

    /** What the server does with requests; called on each connection's virtual thread. */
    public interface Handler {
        /** A refusal for this upgrade request, or empty to accept it. */
        Optional<Refusal> refusal(Request upgrade);

        /** Runs an accepted WebSocket until it returns; the socket is closed afterwards. */
        void connected(Request upgrade, WebSocketConnection connection) throws IOException;

        /** Answers a plain HTTP request by writing a raw HTTP/1.1 response; the connection is closed afterwards. */
        void http(Request request, OutputStream out) throws IOException;
    }

    private final ServerSocket server;
    private final Handler handler;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private LoopbackWebSocketServer(ServerSocket server, Handler handler) {
        this.server = server;
        this.handler = handler;
    }

    /** Starts a server on a free loopback port. */
    public static LoopbackWebSocketServer start(Handler handler) {
        try {
            ServerSocket server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
            LoopbackWebSocketServer ws = new LoopbackWebSocketServer(server, handler);
            Thread.ofVirtual().name("loopback-ws-accept").start(ws::acceptLoop);
            return ws;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bound port. */
    public int port() {
        return server.getLocalPort();
    }

    /** Writes a complete HTTP/1.1 response with {@code connection: close}. */
    public static void writeResponse(OutputStream out, int status, Map<String, String> headers, String body)
            throws IOException {
        writeHead(out, status, headers);
        out.write(body.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Writes a status line and headers with {@code connection: close}; the body follows until the socket closes. */
    public static void writeHead(OutputStream out, int status, Map<String, String> headers) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" Scripted\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("connection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        open.forEach(LoopbackWebSocketServer::closeQuietly);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread.ofVirtual().name("loopback-ws-conn").start(() -> serve(socket));
            } catch (IOException e) {
                return; // server closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            Request request = readRequest(in);
            if (!request.isUpgrade()) {
                handler.http(request, out);
                return;
            }
            Optional<Refusal> refusal = handler.refusal(request);
            if (refusal.isPresent()) {
                Refusal r = refusal.get();
                writeResponse(out, r.status(), r.headers(), r.body());
                return;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("upgrade", "websocket");
            headers.put("connection", "Upgrade");
            headers.put("sec-websocket-accept", accept(request.headers().getOrDefault("sec-websocket-key", "")));
            StringBuilder head = new StringBuilder("HTTP/1.1 101 Switching Protocols\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            handler.connected(request, new WebSocketConnection(socket, in, out));
        } catch (IOException | RuntimeException e) {
            // the client went away or a test closed the connection on purpose
        } finally {
            open.remove(socket);
        }
    }

    private static Request readRequest(InputStream in) throws IOException {
        String requestLine = readLine(in);
        String[] parts = requestLine.split(" ");
        if (parts.length < 2) {
            throw new IOException("bad request line: " + requestLine);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.merge(
                        line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip(),
                        (a, b) -> a + "," + b);
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        String path = parts[1].contains("?") ? parts[1].substring(0, parts[1].indexOf('?')) : parts[1];
        return new Request(parts[0], path, headers, body);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed while reading the request head");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every JDK", e);
        }
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
