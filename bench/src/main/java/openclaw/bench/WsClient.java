package openclaw.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal blocking RFC 6455 client for load tests: one socket, text frames only, pings answered with pongs. Much
 * lighter than the JDK's {@code HttpClient} WebSocket (no selector thread per client, no per-message futures), so
 * one load process can hold ten thousand of them. Not thread-safe: one thread reads and writes.
 */
final class WsClient implements AutoCloseable {

    /** Pings answered by all clients of this JVM. */
    static final AtomicLong PINGS_ANSWERED = new AtomicLong();

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ByteArrayOutputStream message = new ByteArrayOutputStream();

    private WsClient(Socket socket, InputStream in, OutputStream out) {
        this.socket = socket;
        this.in = in;
        this.out = out;
    }

    /**
     * Connects to {@code ws://host:port/} (optionally from a given local address) and completes the upgrade.
     *
     * @throws IOException when the connection or the upgrade fails
     */
    static WsClient open(InetSocketAddress server, Optional<InetAddress> local) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            if (local.isPresent()) {
                socket.bind(new InetSocketAddress(local.get(), 0));
            }
            socket.connect(server, 10_000);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 2048);
            OutputStream out = socket.getOutputStream();
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            String key = Base64.getEncoder().encodeToString(nonce);
            String request = "GET / HTTP/1.1\r\nHost: " + server.getHostString() + ":" + server.getPort()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                    + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = readHead(in);
            if (!head.startsWith("HTTP/1.1 101")) {
                throw new IOException(
                        "upgrade refused: " + head.lines().findFirst().orElse(""));
            }
            if (!head.contains(accept(key))) {
                throw new IOException("upgrade answer without the expected Sec-WebSocket-Accept");
            }
            return new WsClient(socket, in, out);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends one (masked) text frame. */
    void send(String text) throws IOException {
        writeFrame(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads the next complete text message, answering pings on the way.
     *
     * @return the message, or empty when the server closed the socket
     */
    Optional<String> read() throws IOException {
        message.reset();
        while (true) {
            int b0 = in.read();
            if (b0 < 0) {
                return Optional.empty();
            }
            int b1 = readByte();
            boolean fin = (b0 & 0x80) != 0;
            int opcode = b0 & 0x0F;
            long len = b1 & 0x7F;
            if (len == 126) {
                len = (readByte() << 8) | readByte();
            } else if (len == 127) {
                len = 0;
                for (int i = 0; i < 8; i++) {
                    len = (len << 8) | readByte();
                }
            }
            if ((b1 & 0x80) != 0 || len > Integer.MAX_VALUE - 8) {
                throw new IOException("bad frame from server (masked or too long)");
            }
            byte[] payload = in.readNBytes((int) len);
            if (payload.length < len) {
                throw new EOFException("socket closed mid-frame");
            }
            switch (opcode) {
                case 0x8 -> {
                    return Optional.empty();
                }
                case 0x9 -> {
                    PINGS_ANSWERED.incrementAndGet();
                    writeFrame(0xA, payload);
                }
                case 0xA -> {}
                default -> {
                    message.write(payload);
                    if (fin) {
                        return Optional.of(message.toString(StandardCharsets.UTF_8));
                    }
                }
            }
        }
    }

    /** Reads messages until one contains {@code marker}; fails when the socket closes first. */
    String readUntil(String marker) throws IOException {
        while (true) {
            String m = read().orElseThrow(() -> new EOFException("socket closed while waiting for " + marker));
            if (m.contains(marker)) {
                return m;
            }
        }
    }

    /**
     * Performs the control protocol's handshake: waits for {@code connect.challenge}, sends {@code connect} with the
     * token and checks that the answer is {@code hello-ok}.
     */
    void authenticate(String token) throws IOException {
        readUntil("\"connect.challenge\"");
        send("{\"type\":\"req\",\"id\":\"c1\",\"method\":\"connect\",\"params\":{\"minProtocol\":3,\"maxProtocol\":4,"
                + "\"client\":{\"id\":\"test\",\"version\":\"1\",\"platform\":\"linux\",\"mode\":\"test\"},"
                + "\"role\":\"operator\",\"scopes\":[\"operator.read\",\"operator.write\",\"operator.admin\"],"
                + "\"auth\":{\"token\":\"" + token + "\"}}}");
        String hello = readUntil("\"id\":\"c1\"");
        if (!hello.contains("\"hello-ok\"")) {
            throw new IOException("connect refused: " + hello);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            writeFrame(0x8, new byte[] {0x03, (byte) 0xE8}); // 1000, normal closure
        } catch (IOException e) { // the peer may be gone already
        }
        socket.close();
    }

    private void writeFrame(int opcode, byte[] payload) throws IOException {
        int len = payload.length;
        int headerLen = len < 126 ? 2 : len < 65_536 ? 4 : 10;
        byte[] frame = new byte[headerLen + 4 + len];
        frame[0] = (byte) (0x80 | opcode);
        if (len < 126) {
            frame[1] = (byte) (0x80 | len);
        } else if (len < 65_536) {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (len >>> 8);
            frame[3] = (byte) len;
        } else {
            frame[1] = (byte) (0x80 | 127);
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) (i < 4 ? 0 : len >>> (8 * (7 - i)));
            }
        }
        int mask = ThreadLocalRandom.current().nextInt();
        for (int i = 0; i < 4; i++) {
            frame[headerLen + i] = (byte) (mask >>> (8 * (3 - i)));
        }
        for (int i = 0; i < len; i++) {
            frame[headerLen + 4 + i] = (byte) (payload[i] ^ frame[headerLen + (i & 3)]);
        }
        out.write(frame);
        out.flush();
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("socket closed mid-frame");
        }
        return b;
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 8192) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("socket closed during the upgrade");
            }
            head.append((char) b);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                return head.toString();
            }
        }
        throw new IOException("upgrade answer too long");
    }

    private static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
