package openclaw.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged gateway started as its own process through the {@code ./openclaw} launcher (same JVM flags, AOT cache
 * and jar as a user's {@code openclaw gateway}), in a throw-away {@code OPENCLAW_HOME}. The launcher {@code exec}s
 * the JVM, so the child's pid is the gateway's.
 */
final class LaunchedGateway implements AutoCloseable {

    private final Process process;
    private final Path home;
    private final int port;
    private final String token;

    private LaunchedGateway(Process process, Path home, int port, String token) {
        this.process = process;
        this.home = home;
        this.port = port;
        this.token = token;
    }

    /**
     * Starts {@code ./openclaw gateway --port P} from the project root (system property {@code openclaw.root}, else
     * the working directory) and waits for {@code /readyz} to answer 200.
     */
    static LaunchedGateway start(boolean nativeMemoryTracking) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("openclaw.root", ".")).toAbsolutePath();
        Path home = Files.createTempDirectory("oc-wsbench-");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(
                        root.resolve("openclaw").toString(), "gateway", "--port", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("gateway.out").toFile());
        pb.environment().put("OPENCLAW_HOME", home.toString());
        if (nativeMemoryTracking) {
            String opts = pb.environment().getOrDefault("OPENCLAW_JAVA_OPTS", "");
            pb.environment().put("OPENCLAW_JAVA_OPTS", (opts + " -XX:NativeMemoryTracking=summary").strip());
        }
        Process process = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy)); // no orphaned gateway on Ctrl-C
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!ready(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IOException("gateway did not become ready; see " + home.resolve("gateway.out") + ":\n"
                        + WsIdleBench.read(home.resolve("gateway.out")));
            }
            Thread.sleep(20);
        }
        String token =
                Files.readString(home.resolve("credentials/gateway.token")).strip();
        return new LaunchedGateway(process, home, port, token);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    String token() {
        return token;
    }

    /** The gateway's resident set size in KiB ({@code VmRSS}). */
    long rssKib() {
        for (String line : WsIdleBench.status(pid(), "VmRSS:")) {
            return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        throw new IllegalStateException("no VmRSS for pid " + pid());
    }

    /** Runs {@code jcmd <pid> <command...>} and returns its output. */
    String jcmd(String... command) throws IOException, InterruptedException {
        Path jcmd =
                Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
        List<String> cmd = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid())));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy(); // SIGTERM: the gateway drains and exits
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        TempDirs.delete(home);
    }

    private static boolean ready(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            byte[] head = in.readNBytes(12);
            return new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200");
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
