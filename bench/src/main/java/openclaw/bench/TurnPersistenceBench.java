package openclaw.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import openclaw.agent.AgentRunner;
import openclaw.agent.AgentSpec;
import openclaw.chat.ChatRuns;
import openclaw.chat.RunOutcome;
import openclaw.chat.RunRequest;
import openclaw.chat.SessionHooks;
import openclaw.config.OpenClawConfig;
import openclaw.server.SessionWiring;
import openclaw.session.SessionService;
import openclaw.store.Store;
import openclaw.store.StoreSettings;

/**
 * Issue 5 budget, storage side: turns/s of the run engine without HTTP. Drives {@link ChatRuns} exactly as the
 * control plane wires it (session open and {@code /session} command check, {@link AgentRunner} with the transcript
 * persisted) on a real SQLite file in a temp directory (WAL, synchronous=FULL), with an instant in-process model
 * ({@link AgentTurnBenchmark.InstantProvider}). {@code concurrency} workers each run one turn at a time on their own
 * sessions (start, then await the outcome) for the measured time, after a warm-up; a worker starts a new session
 * every {@code turnsPerSession} turns (1: a fresh session per turn, like a Chat Completions request without
 * {@code user}).
 *
 * <p>Usage: {@code TurnPersistenceBench [turnsPerSession] [concurrency] [seconds] [warmupSeconds]}, defaults
 * {@code 1 64 20 10}. Prints turns/s, latency percentiles (start to outcome), heap after GC and RSS.
 */
public final class TurnPersistenceBench {

    private final ChatRuns runs;
    private final int turnsPerSession;
    private volatile long generation;

    private TurnPersistenceBench(ChatRuns runs, int turnsPerSession) {
        this.runs = runs;
        this.turnsPerSession = turnsPerSession;
    }

    public static void main(String[] args) throws Exception {
        int turnsPerSession = arg(args, 0, 1);
        int concurrency = arg(args, 1, 64);
        int seconds = arg(args, 2, 20);
        int warmup = arg(args, 3, 10);
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Path dir = Files.createTempDirectory("oc-turnbench-");
        Clock clock = Clock.systemUTC();
        try (Store store = Store.open(StoreSettings.of("jdbc:sqlite:" + dir.resolve("state/openclaw.sqlite")))) {
            store.migrate();
            AgentRunner runner = AgentTurnBenchmark.instantRunner(store, clock);
            AgentSpec agent = AgentTurnBenchmark.AGENT;
            SessionService sessions =
                    new SessionService(store.sessions(), store.transcripts(), () -> OpenClawConfig.DEFAULTS, clock);
            SessionHooks hooks = SessionWiring.hooks(sessions);
            try (ChatRuns runs =
                    new ChatRuns(new ChatRuns.Services(() -> runner, () -> Map.of("bench", agent), hooks, clock))) {
                TurnPersistenceBench bench = new TurnPersistenceBench(runs, turnsPerSession);
                System.out.printf(
                        "store %s; %d workers, a new session every %d turn(s); warm-up %d s, measured %d s%n",
                        store.describe(), concurrency, turnsPerSession, warmup, seconds);
                bench.run(concurrency, Duration.ofSeconds(warmup));
                long cpu0 = processCpuNanos();
                long writer0 = writerCpuNanos();
                long t0 = System.nanoTime();
                long[] latencies = bench.run(concurrency, Duration.ofSeconds(seconds));
                double wall = (System.nanoTime() - t0) / 1e9;
                report(latencies, wall);
                System.out.printf(
                        "CPU per turn %.0f us (process), SQLite writer thread busy on CPU %.0f %% of the time; %s%n",
                        (processCpuNanos() - cpu0) / 1e3 / latencies.length,
                        (writerCpuNanos() - writer0) / 1e7 / wall,
                        store.writeStats());
            }
        } finally {
            TempDirs.delete(dir);
        }
    }

    /** Runs {@code workers} turn loops for {@code time}; returns every turn's latency in nanoseconds. */
    private long[] run(int workers, Duration time) throws Exception {
        long gen = generation++;
        long deadline = System.nanoTime() + time.toNanos();
        List<Future<long[]>> results = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < workers; w++) {
                String prefix = "g" + gen + "w" + w;
                results.add(executor.submit(() -> worker(prefix, deadline)));
            }
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> r : results) {
            all.add(r.get());
        }
        return all.stream().flatMapToLong(Arrays::stream).toArray();
    }

    private long[] worker(String prefix, long deadline) {
        long[] latencies = new long[1 << 12];
        int n = 0;
        while (System.nanoTime() < deadline) {
            String runId = prefix + "-" + n;
            String key = "agent:bench:" + prefix + "-s" + n / turnsPerSession;
            long start = System.nanoTime();
            runs.start(new RunRequest(runId, "bench", key, "hello", Optional.empty()), e -> {});
            RunOutcome outcome = runs.await(runId, Duration.ofSeconds(30)).orElseThrow();
            if (outcome.status() != RunOutcome.Status.OK) {
                throw new IllegalStateException("run " + runId + " ended " + outcome);
            }
            if (n == latencies.length) {
                latencies = Arrays.copyOf(latencies, n * 2);
            }
            latencies[n++] = System.nanoTime() - start;
        }
        return Arrays.copyOf(latencies, n);
    }

    private static void report(long[] latencies, double seconds) throws IOException {
        Arrays.sort(latencies);
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(
                "turns %d in %.1f s = %.0f turns/s; latency ms p50 %.2f p90 %.2f p99 %.2f max %.2f;"
                        + " heap after GC %d MB, RSS %d MB%n",
                latencies.length,
                seconds,
                latencies.length / seconds,
                pct(latencies, 0.50),
                pct(latencies, 0.90),
                pct(latencies, 0.99),
                latencies[latencies.length - 1] / 1e6,
                heap >> 20,
                rssKb() >> 10);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time of the store's writer thread (0 before group commit existed: then every caller wrote itself). */
    private static long writerCpuNanos() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("openclaw-sqlite-writer"))
                .mapToLong(t -> ManagementFactory.getThreadMXBean().getThreadCpuTime(t.threadId()))
                .sum();
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e6;
    }

    private static long rssKb() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
                .findFirst()
                .orElse(0L);
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
