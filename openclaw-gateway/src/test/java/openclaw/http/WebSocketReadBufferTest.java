package openclaw.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.common.socket.PlainSocket;
import io.helidon.common.socket.SocketContext;
import io.helidon.webserver.ConnectionContext;
import io.helidon.websocket.WsSession;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WebSocketReadBufferTest {

    /** A WebSocket session on the given socket context; every other method is not needed here. */
    private static WsSession session(SocketContext context) {
        return (WsSession) Proxy.newProxyInstance(
                WebSocketReadBufferTest.class.getClassLoader(),
                new Class<?>[] {WsSession.class},
                (p, m, a) -> m.getName().equals("socketContext") ? context : null);
    }

    private static ConnectionContext connection(PlainSocket socket) {
        return (ConnectionContext) Proxy.newProxyInstance(
                WebSocketReadBufferTest.class.getClassLoader(),
                new Class<?>[] {ConnectionContext.class},
                (p, m, a) -> m.getName().equals("serverSocket") ? socket : null);
    }

    private static int readBufferLength(PlainSocket socket) throws ReflectiveOperationException {
        Field field = PlainSocket.class.getDeclaredField("readBuffer");
        field.setAccessible(true);
        return ((byte[]) field.get(socket)).length;
    }

    @Test
    void a_plain_socket_then_reads_at_most_1_kib_at_a_time_and_loses_nothing() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
                Socket accepted = listener.accept()) {
            PlainSocket socket = PlainSocket.server(accepted, "child", "server");
            assertThat(readBufferLength(socket)).isEqualTo(8192);

            assertThat(WebSocketReadBuffer.shrink(session(connection(socket)))).isTrue();
            assertThat(readBufferLength(socket)).isEqualTo(WebSocketReadBuffer.BYTES);

            byte[] sent = new byte[5000];
            new Random(4).nextBytes(sent);
            OutputStream out = client.getOutputStream();
            out.write(sent);
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            while (received.size() < sent.length) {
                byte[] chunk = socket.get();
                assertThat(chunk).isNotNull();
                assertThat(chunk.length).isBetween(1, WebSocketReadBuffer.BYTES);
                received.write(chunk);
            }
            assertThat(received.toByteArray()).isEqualTo(sent);
        }
    }

    @Test
    void a_session_without_helidons_connection_context_is_left_alone() {
        SocketContext plain = (SocketContext) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {SocketContext.class}, (p, m, a) -> null);

        assertThat(WebSocketReadBuffer.shrink(session(plain))).isFalse();
    }

    @Test
    void a_connection_that_does_not_expose_its_socket_is_left_alone() {
        ConnectionContext hidden = (ConnectionContext) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ConnectionContext.class}, (p, m, a) -> {
                    throw new UnsupportedOperationException("Not supported");
                });

        assertThat(WebSocketReadBuffer.shrink(session(hidden))).isFalse();
    }
}
