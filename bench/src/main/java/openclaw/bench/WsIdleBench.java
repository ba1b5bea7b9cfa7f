package openclaw.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 4 budget: RSS of one gateway holding 10,000 authenticated idle control sockets (at most 300 MB). Starts the
 * packaged gateway through {@code ./openclaw gateway} in a throw-away home, opens the sockets from this process (one
 * virtual thread and one {@link WsClient} each, from several loopback source addresses), authenticates every one, keeps
 * them idle (they receive the gateway's {@code tick} events, and would answer pings), and samples the gateway's
 * {@code VmRSS}.
 *
 * <p>Usage: {@code WsIdleBench [connections] [idleSeconds] [sourceAddresses]}, defaults 10000, 60, 4. Extra gateway JVM
 * options come from {@code OPENCLAW_JAVA_OPTS}; with {@code BENCH_NMT=1} the gateway runs with native memory tracking
 * and its summary, the heap and a class histogram (a full GC) are printed at the end of the idle time; with {@code
 * BENCH_FULL_GC=1} a full GC runs right after the last socket authenticated.
 */
public final class WsIdleBench {

    private WsIdleBench() {}

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int idleSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int sources = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        boolean nmt = "1".equals(System.getenv("BENCH_NMT"));
        try (LaunchedGateway gateway = LaunchedGateway.start(nmt)) {
            new WsIdleBench().run(gateway, connections, idleSeconds, sources, nmt);
        }
    }

    private final AtomicInteger authenticated = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicLong ticks = new AtomicLong();
    private final ConcurrentLinkedQueue<WsClient> open = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    private volatile boolean closing;

    private void run(LaunchedGateway gateway, int connections, int idleSeconds, int sources, boolean nmt)
            throws Exception {
        System.out.printf(
                "gateway pid %d on port %d; %d sockets from %d source addresses, idle %d s%n",
                gateway.pid(), gateway.port(), connections, sources, idleSeconds);
        Thread.sleep(10_000);
        long before = gateway.rssKib();
        System.out.printf("RSS before (ready + 10 s idle): %s%n", mib(before));

        InetSocketAddress server = new InetSocketAddress("127.0.0.1", gateway.port());
        Semaphore handshakes = new Semaphore(64);
        CountDownLatch settled = new CountDownLatch(connections);
        long t0 = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            InetAddress local = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (1 + i % sources)});
            handshakes.acquire();
            Thread.ofVirtual().start(() -> hold(server, local, gateway.token(), handshakes, settled));
            if ((i + 1) % 2000 == 0) {
                System.out.printf(
                        "  %d started, %d authenticated, RSS %s%n", i + 1, authenticated.get(), mib(gateway.rssKib()));
            }
        }
        settled.await(120, TimeUnit.SECONDS);
        double connectSeconds = (System.nanoTime() - t0) / 1e9;
        long peakStart = gateway.rssKib();
        System.out.printf(
                "%d authenticated, %d failed in %.1f s; RSS at %d sockets: %s%n",
                authenticated.get(), failed.get(), connectSeconds, authenticated.get(), mib(peakStart));
        errors.stream().distinct().limit(5).forEach(e -> System.out.println("  error: " + e));

        if ("1".equals(System.getenv("BENCH_FULL_GC"))) {
            gateway.jcmd("GC.run"); // diagnostic: what a compacting collection after the ramp would leave
            System.out.printf("  after a full GC (jcmd GC.run): RSS %s%n", mib(gateway.rssKib()));
        }
        long peak = peakStart;
        for (int s = 10; s <= idleSeconds; s += 10) {
            Thread.sleep(10_000);
            long rss = gateway.rssKib();
            peak = Math.max(peak, rss);
            System.out.printf(
                    "  idle %3d s: RSS %s, ticks received %d, pings answered %d, sockets closed by the gateway %d%n",
                    s, mib(rss), ticks.get(), WsClient.PINGS_ANSWERED.get(), dropped.get());
        }
        long atEnd = gateway.rssKib();
        System.out.println("  "
                + String.join(", ", status(gateway.pid(), "RssAnon:", "RssFile:", "Threads:"))
                        .replaceAll("\\s+", " "));
        if (nmt) {
            System.out.println(gateway.jcmd("VM.native_memory", "summary"));
            System.out.println(gateway.jcmd("GC.heap_info"));
            // a full GC: live objects only (so the RSS after closing is not comparable in this mode)
            gateway.jcmd("GC.class_histogram").lines().limit(40).forEach(System.out::println);
            System.out.println(gateway.jcmd("GC.heap_info"));
        }
        closing = true;
        int closed = 0;
        for (WsClient c; (c = open.poll()) != null; closed++) {
            c.close();
        }
        Thread.sleep(15_000);
        long after = gateway.rssKib();
        System.out.printf(
                "RESULT sockets=%d authenticated=%d dropped=%d ticks=%d (%.2f per socket) | RSS before %s, at %d"
                        + " sockets %s (after %d s idle %s, peak %s), 15 s after closing %d %s%n",
                connections,
                authenticated.get(),
                dropped.get(),
                ticks.get(),
                ticks.get() / (double) Math.max(1, authenticated.get()),
                mib(before),
                authenticated.get(),
                mib(peakStart),
                idleSeconds,
                mib(atEnd),
                mib(peak),
                closed,
                mib(after));
    }

    /** One socket's life: connect, authenticate, then read (ticks, pings) until closed. */
    private void hold(
            InetSocketAddress server, InetAddress local, String token, Semaphore handshakes, CountDownLatch settled) {
        WsClient client;
        try {
            client = WsClient.open(server, Optional.of(local));
            client.authenticate(token);
        } catch (IOException | RuntimeException e) {
            failed.incrementAndGet();
            errors.add(e.toString());
            handshakes.release();
            settled.countDown();
            return;
        }
        open.add(client);
        authenticated.incrementAndGet();
        handshakes.release();
        settled.countDown();
        try {
            for (Optional<String> m = client.read(); m.isPresent(); m = client.read()) {
                if (m.get().contains("\"event\":\"tick\"")) {
                    ticks.incrementAndGet();
                }
            }
            if (!closing) {
                dropped.incrementAndGet();
            }
        } catch (IOException e) {
            if (!closing) {
                dropped.incrementAndGet();
                errors.add(e.toString());
            }
        }
    }

    static String mib(long kib) {
        return String.format("%.1f MiB", kib / 1024.0);
    }

    /** Reads a file or fails with an unchecked exception. */
    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Lines of {@code /proc/<pid>/status} that start with one of the prefixes. */
    static List<String> status(long pid, String... prefixes) {
        return read(Path.of("/proc/" + pid + "/status"))
                .lines()
                .filter(l -> java.util.Arrays.stream(prefixes).anyMatch(l::startsWith))
                .toList();
    }
}
