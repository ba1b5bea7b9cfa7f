package openclaw.http;

import io.helidon.common.socket.PlainSocket;
import io.helidon.webserver.ConnectionContext;
import io.helidon.websocket.WsSession;
import java.lang.reflect.Field;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives an upgraded WebSocket a small read array instead of Helidon's 8 KiB one. Helidon 4.3.1 allocates a fixed 8 KiB
 * {@code byte[]} per accepted connection ({@code PlainSocket.readBuffer}, private, final, not configurable) and keeps
 * it for the connection's life; every read fills it and copies out what arrived. A gateway holding 10,000 idle control
 * sockets kept 78 MiB in these arrays, more than any other per-socket cost, while a control socket mostly receives
 * frames of a few hundred bytes. This swaps the array for one of {@value #BYTES} bytes on the socket's own reader
 * thread before its first WebSocket read, so a read returns at most that much (a large message takes more reads,
 * nothing else changes).
 *
 * <p>It writes a final field by deep reflection, which Java allows for classes on the class path. JDK 26 warns about
 * that unless the JVM runs with {@code --enable-final-field-mutation=ALL-UNNAMED} (the launcher passes it there), and a
 * later JDK may refuse it: then, or if a Helidon upgrade renames the field, sockets simply keep Helidon's array. TLS
 * sockets (a subclass with its own buffering) are left alone.
 */
final class WebSocketReadBuffer {

    private static final Logger LOG = Logger.getLogger(WebSocketReadBuffer.class.getName());

    /** Bytes a WebSocket reads at most per call. */
    static final int BYTES = 1024;

    private static final Optional<Field> FIELD = find();

    private WebSocketReadBuffer() {}

    /** Shrinks the read array of a plain (non-TLS) socket; false when it was left as it is. */
    static boolean shrink(WsSession session) {
        if (FIELD.isEmpty() || !(session.socketContext() instanceof ConnectionContext context)) {
            return false;
        }
        try {
            if (context.serverSocket() instanceof PlainSocket socket && socket.getClass() == PlainSocket.class) {
                FIELD.get().set(socket, new byte[BYTES]);
                return true;
            }
        } catch (IllegalAccessException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot resize Helidon's read buffer; the socket keeps 8 KiB", e);
        }
        return false;
    }

    private static Optional<Field> find() {
        try {
            Field field = PlainSocket.class.getDeclaredField("readBuffer");
            if (field.getType() != byte[].class) {
                return Optional.empty();
            }
            field.setAccessible(true);
            return Optional.of(field);
        } catch (NoSuchFieldException | RuntimeException e) {
            LOG.log(Level.FINE, "Helidon's read buffer is not where it was; sockets keep 8 KiB", e);
            return Optional.empty();
        }
    }
}
