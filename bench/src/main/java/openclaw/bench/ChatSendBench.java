package openclaw.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import openclaw.agent.ProviderRegistry;
import openclaw.config.OpenClawHome;
import openclaw.server.AgentWiring;
import openclaw.server.GatewayOptions;
import openclaw.server.GatewayProcess;

/**
 * Issue 4 budget: gateway overhead from {@code chat.send} to the {@code chat} event with state {@code final} (at most
 * 2 ms p50), with an instant in-process model. Starts a real gateway in this JVM (port 0, throw-away home, SQLite
 * store with durable commits) whose only provider answers at once ({@link AgentTurnBenchmark.InstantProvider}), then
 * for each socket count runs that many authenticated control sockets in parallel, each sending {@code chat.send} and
 * waiting for its {@code final} before the next turn. Every socket uses its own sessions, and starts a new session
 * every {@value #TURNS_PER_SESSION} turns so the history a turn reads stays small (at most 18 messages).
 *
 * <p>Usage: {@code ChatSendBench [turnsPerLevel] [socketCounts]}, defaults 5000 and {@code 1,8,64}. Each level is
 * preceded by a warm-up of a fifth of its turns (the first level also by a 3,000-turn JIT warm-up).
 */
public final class ChatSendBench {

    static final int TURNS_PER_SESSION = 10;

    private final InetSocketAddress server;
    private final String token;
    private int level;

    private ChatSendBench(InetSocketAddress server, String token) {
        this.server = server;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        int turns = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int[] levels = Arrays.stream((args.length > 1 ? args[1] : "1,8,64").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING); // the gateway's INFO lines
        Path home = Files.createTempDirectory("oc-wsbench-chat-");
        Files.writeString(home.resolve("openclaw.toml"), "");
        GatewayOptions options = GatewayOptions.forHome(new OpenClawHome(home), Map.of())
                .withPort(0)
                .withoutLoggingSetup()
                .withProviders(new AgentWiring.Providers(
                        new ProviderRegistry(Map.of("fake", new AgentTurnBenchmark.InstantProvider())),
                        Map.of("fake", "fake-1")));
        GatewayProcess gateway = GatewayProcess.start(options);
        try {
            String token =
                    Files.readString(home.resolve("credentials/gateway.token")).strip();
            ChatSendBench bench = new ChatSendBench(new InetSocketAddress("127.0.0.1", gateway.port()), token);
            System.out.printf(
                    "in-process gateway on port %d, store %s; %d turns per level%n",
                    gateway.port(), home.resolve("state"), turns);
            bench.run(8, 3000); // JIT warm-up, not reported
            for (int sockets : levels) {
                bench.run(sockets, Math.max(sockets, turns / 5));
                long t0 = System.nanoTime();
                long[] latencies = bench.run(sockets, turns);
                double seconds = (System.nanoTime() - t0) / 1e9;
                report(sockets, latencies, seconds);
            }
        } finally {
            gateway.shutdown();
            TempDirs.delete(home);
        }
    }

    /** Runs {@code turns} turns spread over {@code sockets} sockets; returns every turn's latency in nanoseconds. */
    private long[] run(int sockets, int turns) throws Exception {
        int run = level++;
        List<long[]> results = new ArrayList<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(sockets);
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < sockets; s++) {
            long[] mine = new long[turns / sockets + (s < turns % sockets ? 1 : 0)];
            results.add(mine);
            String prefix = "agent:main:bench-" + run + "-" + s + "-";
            threads.add(Thread.ofPlatform().name("client-" + s).start(() -> {
                try (WsClient client = WsClient.open(server, Optional.empty())) {
                    client.authenticate(token);
                    for (int i = 0; i < mine.length; i++) {
                        mine[i] = turn(client, prefix + (i / TURNS_PER_SESSION), prefix + i);
                    }
                } catch (IOException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }));
        }
        done.await();
        if (failure.get() != null) {
            throw failure.get();
        }
        return results.stream().flatMapToLong(Arrays::stream).toArray();
    }

    /** One turn: chat.send, then read until this run's final chat event. Returns nanoseconds. */
    private static long turn(WsClient client, String sessionKey, String runId) throws IOException {
        String req = "{\"type\":\"req\",\"id\":\"" + runId + "\",\"method\":\"chat.send\",\"params\":{\"sessionKey\":\""
                + sessionKey + "\",\"message\":\"hello\",\"idempotencyKey\":\"" + runId + "\"}}";
        String runMarker = "\"runId\":\"" + runId + "\"";
        long t0 = System.nanoTime();
        client.send(req);
        while (true) {
            String frame = client.read().orElseThrow(() -> new IOException("socket closed during a turn"));
            if (frame.contains("\"ok\":false")) {
                throw new IOException("chat.send failed: " + frame);
            }
            if (frame.contains("\"event\":\"chat\"") && frame.contains(runMarker)) {
                if (frame.contains("\"state\":\"final\"")) {
                    return System.nanoTime() - t0;
                }
                if (frame.contains("\"state\":\"error\"") || frame.contains("\"state\":\"aborted\"")) {
                    throw new IOException("run did not finish: " + frame);
                }
            }
        }
    }

    private static void report(int sockets, long[] nanos, double seconds) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "RESULT sockets=%d turns=%d p50=%.3f ms p90=%.3f ms p99=%.3f ms max=%.3f ms throughput=%.0f turns/s%n",
                sockets,
                sorted.length,
                ms(percentile(sorted, 0.50)),
                ms(percentile(sorted, 0.90)),
                ms(percentile(sorted, 0.99)),
                ms(sorted[sorted.length - 1]),
                sorted.length / seconds);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
