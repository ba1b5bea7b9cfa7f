package openclaw.testkit.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that only moves when a test says so. Thread-safe: the current instant lives in an atomic reference,
 * so a test thread may advance it while gateway threads read it.
 */
public final class ManualClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A clock frozen at {@code start}, in UTC. */
    public static ManualClock at(Instant start) {
        return new ManualClock(new AtomicReference<>(start), ZoneOffset.UTC);
    }

    /** A clock frozen at 2026-01-01T00:00:00Z. */
    public static ManualClock fixed() {
        return at(Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** Moves the clock forward (or backward, for a negative amount). */
    public void advance(Duration amount) {
        now.updateAndGet(t -> t.plus(amount));
    }

    /** Sets the clock to an exact instant. */
    public void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new ManualClock(now, newZone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
