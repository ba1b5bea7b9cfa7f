package openclaw.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import openclaw.sdk.OpenClawException;

/**
 * The requests the AOT training run sends, so the server side of their code paths is linked and profiled in the
 * cache. Plain HTTP/1.1 over a socket rather than {@code java.net.http}: every class the training loads is preloaded
 * by every later start, and the gateway itself never needs an HTTP client at idle.
 */
final class TrainingTraffic {

    private static final int ROUNDS = 3;

    private TrainingTraffic() {}

    static void run(int port) {
        for (int i = 0; i < ROUNDS; i++) {
            for (String path : List.of("/healthz", "/readyz", "/startupz", "/health", "/ready")) {
                expect(port, "GET", path, 200);
            }
            expect(port, "HEAD", "/healthz", 200);
        }
        expect(port, "GET", "/metrics", 200);
        expect(port, "POST", "/healthz", 405);
        expect(port, "GET", "/__openclaw__/status", 401);
        expect(port, "GET", "/no-such-path", 404);
    }

    /** Status line and headers; the body is not needed (the socket is closed right after). */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder(256);
        int c;
        while ((c = in.read()) != -1) {
            head.append((char) c);
            if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
                break;
            }
        }
        return head.toString();
    }

    private static void expect(int port, String method, String path, int status) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            String request = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n"
                    + "Connection: close\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = readHead(socket.getInputStream());
            if (!head.startsWith("HTTP/1.1 " + status)) {
                throw new OpenClawException(method + " " + path + " answered '"
                        + head.lines().findFirst().orElse("") + "', expected " + status);
            }
        } catch (IOException e) {
            throw new OpenClawException("training request " + method + " " + path + " failed: " + e.getMessage(), e);
        }
    }
}
