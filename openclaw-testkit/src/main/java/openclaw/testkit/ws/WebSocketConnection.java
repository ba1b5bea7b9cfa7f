package openclaw.testkit.ws;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The server side of one accepted WebSocket of {@link LoopbackWebSocketServer}. {@link #receiveText()} is called by
 * the connection's own thread only; the send methods may be called from any thread (a lock orders frames).
 */
public final class WebSocketConnection {

    private static final int TEXT = 1;
    private static final int CONTINUATION = 0;
    private static final int CLOSE = 8;
    private static final int PING = 9;
    private static final int PONG = 10;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ReentrantLock sending = new ReentrantLock();

    WebSocketConnection(Socket socket, InputStream in, OutputStream out) {
        this.socket = socket;
        this.in = in;
        this.out = out;
    }

    /**
     * The next complete text message from the client (fragments assembled, pings answered), or empty once the client
     * closed the socket (its close frame is echoed) or the connection dropped.
     */
    public Optional<String> receiveText() {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        try {
            while (true) {
                int b0 = readByte();
                int b1 = readByte();
                boolean fin = (b0 & 0x80) != 0;
                int opcode = b0 & 0x0F;
                byte[] payload = readPayload(b1);
                switch (opcode) {
                    case PING -> sendFrame(PONG, payload, true);
                    case PONG -> {
                        // unsolicited pong: ignore
                    }
                    case CLOSE -> {
                        sendFrame(CLOSE, payload, true);
                        return Optional.empty();
                    }
                    case TEXT, CONTINUATION -> {
                        message.write(payload);
                        if (fin) {
                            return Optional.of(message.toString(StandardCharsets.UTF_8));
                        }
                    }
                    default -> throw new IOException("unsupported opcode " + opcode);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Sends one text message in a single frame. */
    public void sendText(String text) throws IOException {
        sendFrame(TEXT, text.getBytes(StandardCharsets.UTF_8), true);
    }

    /** Sends one text message split into {@code parts} frames (a text frame and continuations). */
    public void sendFragmented(String text, int parts) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int size = Math.max(1, (bytes.length + parts - 1) / parts);
        sending.lock();
        try {
            for (int start = 0, i = 0; start < bytes.length || i == 0; start += size, i++) {
                int end = Math.min(bytes.length, start + size);
                byte[] piece = java.util.Arrays.copyOfRange(bytes, start, end);
                sendFrame(i == 0 ? TEXT : CONTINUATION, piece, end >= bytes.length);
            }
        } finally {
            sending.unlock();
        }
    }

    /** Sends a close frame with this code and reason; the client is expected to answer and hang up. */
    public void close(int code, String reason) throws IOException {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + text.length];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, text.length);
        sendFrame(CLOSE, payload, true);
    }

    /** Drops the TCP connection without a close frame, like a server or network that died. */
    public void abort() {
        LoopbackWebSocketServer.closeQuietly(socket);
    }

    private void sendFrame(int opcode, byte[] payload, boolean fin) throws IOException {
        sending.lock();
        try {
            ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 10);
            frame.write((fin ? 0x80 : 0) | opcode);
            if (payload.length < 126) {
                frame.write(payload.length);
            } else if (payload.length < 65536) {
                frame.write(126);
                frame.write(payload.length >> 8);
                frame.write(payload.length);
            } else {
                frame.write(127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    frame.write((int) ((long) payload.length >> shift));
                }
            }
            frame.write(payload);
            out.write(frame.toByteArray());
            out.flush();
        } finally {
            sending.unlock();
        }
    }

    private byte[] readPayload(int b1) throws IOException {
        boolean masked = (b1 & 0x80) != 0;
        long length = b1 & 0x7F;
        if (length == 126) {
            length = (readByte() << 8) | readByte();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | readByte();
            }
        }
        if (!masked) {
            throw new IOException("client frames must be masked (RFC 6455 section 5.1)");
        }
        byte[] mask = in.readNBytes(4);
        byte[] payload = in.readNBytes((int) length);
        if (mask.length < 4 || payload.length < length) {
            throw new EOFException("connection closed inside a frame");
        }
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i % 4];
        }
        return payload;
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("connection closed");
        }
        return b;
    }
}
