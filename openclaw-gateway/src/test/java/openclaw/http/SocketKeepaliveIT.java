package openclaw.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import openclaw.auth.GatewayAuth;
import openclaw.config.AuthMode;
import openclaw.lifecycle.GatewayLifecycle;
import openclaw.metrics.GatewayMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Server pings go to quiet WebSockets only; their pongs keep them open, and a peer that never answers is closed. */
class SocketKeepaliveIT {

    /** Ping after 300 ms without a frame, look every 100 ms, close after 1.5 s without a frame. */
    private static final SocketKeepalive.Policy FAST =
            new SocketKeepalive.Policy(Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofMillis(1500));

    private final GatewayHttpServer server = start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_quiet_socket_is_pinged_and_its_pongs_keep_it_open_past_the_idle_timeout() throws Exception {
        Client client = Client.connect(server.port());

        Thread.sleep(4_000); // over twice the idle timeout, sending nothing ourselves (the JDK client answers pings)

        assertThat(client.pings.get()).isGreaterThanOrEqualTo(3);
        client.socket.sendText("still there?", true).get(5, TimeUnit.SECONDS);
        assertThat(client.texts.poll(5, TimeUnit.SECONDS)).isEqualTo("echo: still there?");
        client.socket.abort();
    }

    @Test
    void a_socket_that_keeps_sending_gets_no_pings() throws Exception {
        Client client = Client.connect(server.port());

        for (int i = 0; i < 15; i++) {
            client.socket.sendText("m" + i, true).get(5, TimeUnit.SECONDS);
            Thread.sleep(100);
        }

        assertThat(client.pings.get()).isZero();
        client.socket.abort();
    }

    @Test
    void a_peer_that_never_answers_pings_is_closed_by_the_idle_timeout() throws Exception {
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            raw.setSoTimeout(10_000);
            OutputStream out = raw.getOutputStream();
            out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = raw.getInputStream();
            long start = System.nanoTime();
            int pingFrames = 0;
            byte[] buffer = new byte[256];
            StringBuilder received = new StringBuilder();
            int n;
            while ((n = in.read(buffer)) >= 0) { // pings arrive (opcode 0x9) and are never answered
                for (int i = 0; i < n; i++) {
                    if ((buffer[i] & 0xff) == 0x89 && i + 1 < n && buffer[i + 1] == 0) {
                        pingFrames++;
                    }
                }
                received.append(new String(buffer, 0, Math.min(n, 12), StandardCharsets.ISO_8859_1));
            }
            long closedAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(received.toString()).startsWith("HTTP/1.1 101");
            assertThat(pingFrames).isPositive();
            assertThat(closedAfterMs).isBetween(1_000L, 9_000L); // Helidon checks every 100 ms against a coarse clock
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (server.openSockets() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20); // the handler hears of the close on the socket's reader thread
            }
            assertThat(server.openSockets()).isZero();
        }
    }

    private static GatewayHttpServer start() {
        GatewayLifecycle lifecycle = GatewayLifecycle.startingNow();
        GatewayHttpServer.Services services = new GatewayHttpServer.Services(
                lifecycle,
                new GatewayAuth(AuthMode.NONE, Optional.empty()),
                new GatewayMetrics(),
                TestStatus.started("none"),
                List.of(new EchoEndpoint()));
        lifecycle.markStarted();
        return GatewayHttpServer.start(
                new GatewayHttpServer.Settings("127.0.0.1", 0, Duration.ofSeconds(1)), services, FAST, r -> {});
    }

    /** Echoes every text message. */
    private static final class EchoEndpoint implements SocketEndpoint {

        @Override
        public String path() {
            return "/ws";
        }

        @Override
        public Optional<String> refuse(Upgrade upgrade) {
            return Optional.empty();
        }

        @Override
        public Handler open(Upgrade upgrade, InetSocketAddress remote, Outbound out) {
            return new Handler() {
                @Override
                public void onText(String message) {
                    out.send("echo: " + message);
                }

                @Override
                public int maxMessageBytes() {
                    return 4096;
                }

                @Override
                public void onClose(int code, String reason) {}
            };
        }
    }

    /** The JDK's WebSocket client, which answers pings with pongs by itself. */
    private static final class Client implements WebSocket.Listener {

        final AtomicInteger pings = new AtomicInteger();
        final LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();
        WebSocket socket;

        static Client connect(int port) throws Exception {
            Client client = new Client();
            client.socket = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), client)
                    .get(5, TimeUnit.SECONDS);
            return client;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            pings.incrementAndGet();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            texts.add(data.toString());
            webSocket.request(1);
            return null;
        }
    }
}
