package openclaw.server;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Collects the old generation once it has grown well past what the last full collection left, so a long-running
 * gateway's memory follows its live data instead of creeping towards the maximum heap.
 *
 * <p>The launcher runs the serial collector (the smallest footprint, and pauses of a few ms on this heap size). It
 * collects the old generation only when that generation cannot grow any further, and the maximum heap is a quarter of
 * the machine's memory. Objects that live a while and then die end up there and are never returned: a pong or a chat
 * turn on a socket that was idle for minutes wakes its parked reader, whose saved stack moves to a new chunk and leaves
 * the old one behind (about 1 KiB per socket each time), and turns under load promote what is in flight. Every
 * {@link #CHECK_EVERY} this looks at the old generation and asks for a full collection when it holds at least
 * {@link #MIN_GROWTH_BYTES}, and a quarter, more than after the last one; the collector then also shrinks the heap
 * (its default {@code MaxHeapFreeRatio}), which gives the memory back to the system. G1, ZGC and Shenandoah do this on
 * their own, so it runs only under the serial collector. A JVM started with {@code -XX:+DisableExplicitGC} ignores it.
 */
public final class HeapReclaimer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HeapReclaimer.class.getName());

    /** How often the old generation is looked at. */
    static final Duration CHECK_EVERY = Duration.ofSeconds(1);

    /** Growth since the last full collection below which nothing is done. */
    static final long MIN_GROWTH_BYTES = 16L << 20;

    private final MemoryPoolMXBean oldGen;
    private final ScheduledExecutorService timer;

    private HeapReclaimer(MemoryPoolMXBean oldGen, Duration every) {
        this.oldGen = oldGen;
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("heap-reclaimer").daemon().factory());
        long millis = every.toMillis();
        timer.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Starts checking when this JVM runs the serial collector; empty (and nothing running) otherwise. */
    public static Optional<HeapReclaimer> startIfSerial() {
        List<String> collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .toList();
        if (!isSerial(collectors)) {
            return Optional.empty();
        }
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.getName().equals("Tenured Gen"))
                .findFirst()
                .map(pool -> new HeapReclaimer(pool, CHECK_EVERY));
    }

    /** True for the serial collector's pair of collectors. */
    static boolean isSerial(List<String> collectorNames) {
        return collectorNames.contains("Copy") && collectorNames.contains("MarkSweepCompact");
    }

    /**
     * Whether the old generation grew enough since the last full collection to collect it now.
     *
     * @param usedNow bytes in use in the old generation now
     * @param usedAfterLastFull bytes in use right after the last full collection (0 before the first)
     */
    static boolean due(long usedNow, long usedAfterLastFull) {
        long growth = usedNow - usedAfterLastFull;
        return growth >= MIN_GROWTH_BYTES && growth >= usedAfterLastFull / 4;
    }

    private void check() {
        try {
            MemoryUsage now = oldGen.getUsage();
            MemoryUsage afterLast = oldGen.getCollectionUsage();
            long usedAfterLast = afterLast == null ? 0 : afterLast.getUsed();
            if (now != null && due(now.getUsed(), usedAfterLast)) {
                long before = now.getUsed();
                System.gc();
                LOG.log(
                        Level.FINE,
                        () -> "old generation collected: " + (before >> 20) + " MiB before, "
                                + (oldGen.getUsage().getUsed() >> 20) + " MiB after");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "heap check failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
