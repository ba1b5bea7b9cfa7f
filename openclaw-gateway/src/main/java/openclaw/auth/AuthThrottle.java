package openclaw.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Throttles failed authentication per client address: {@code maxFailures} failures within {@code window} lock the
 * address out for {@code lockout}; while locked out, every attempt is refused without checking credentials. Loopback
 * and browser callers are counted like any other (a web page can reach a loopback gateway). A success clears the
 * address's failures. Memory is bounded: the least recently failing addresses are forgotten beyond
 * {@value #MAX_TRACKED}. Thread-safe.
 */
public final class AuthThrottle {

    /** OpenClaw's defaults: 10 failures per 60 s, then 5 minutes locked out. */
    public static final int DEFAULT_MAX_FAILURES = 10;

    static final int MAX_TRACKED = 10_000;

    private final int maxFailures;
    private final long windowMs;
    private final long lockoutMs;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Record> records = new LinkedHashMap<>(64, 0.75f, true);
    /**
     * False while no address has a failure or lockout on record (the normal case): checks on every authenticated
     * request then skip the lock. Written under {@link #lock}.
     */
    private volatile boolean tracking;

    /** Failure times within the window and the end of a lockout. */
    private static final class Record {
        final Deque<Long> failures = new ArrayDeque<>();
        long lockedUntil;
    }

    public AuthThrottle(int maxFailures, Duration window, Duration lockout, Clock clock) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be positive");
        }
        this.maxFailures = maxFailures;
        this.windowMs = window.toMillis();
        this.lockoutMs = lockout.toMillis();
        this.clock = clock;
    }

    /** 10 failures per 60 s, then a 5-minute lockout. */
    public static AuthThrottle defaults(Clock clock) {
        return new AuthThrottle(DEFAULT_MAX_FAILURES, Duration.ofSeconds(60), Duration.ofMinutes(5), clock);
    }

    /** How much longer {@code address} is locked out, if it is. */
    public Optional<Duration> lockedOut(String address) {
        if (!tracking) {
            return Optional.empty();
        }
        long now = clock.millis();
        lock.lock();
        try {
            Record r = records.get(address);
            return r == null || r.lockedUntil <= now
                    ? Optional.empty()
                    : Optional.of(Duration.ofMillis(r.lockedUntil - now));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Records a failed attempt.
     *
     * @return the lockout now in force, if this failure started one
     */
    public Optional<Duration> failure(String address) {
        long now = clock.millis();
        lock.lock();
        try {
            Record r = records.computeIfAbsent(address, a -> new Record());
            tracking = true;
            while (!r.failures.isEmpty() && r.failures.peekFirst() <= now - windowMs) {
                r.failures.pollFirst();
            }
            r.failures.addLast(now);
            if (r.failures.size() >= maxFailures) {
                r.failures.clear();
                r.lockedUntil = now + lockoutMs;
            }
            if (records.size() > MAX_TRACKED) {
                records.remove(records.keySet().iterator().next());
            }
            return r.lockedUntil > now ? Optional.of(Duration.ofMillis(r.lockedUntil - now)) : Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /** Clears the address's failures after a successful authentication (a lockout in force stays). */
    public void success(String address) {
        if (!tracking) {
            return;
        }
        lock.lock();
        try {
            Record r = records.get(address);
            if (r != null && r.lockedUntil <= clock.millis()) {
                records.remove(address);
                tracking = !records.isEmpty();
            }
        } finally {
            lock.unlock();
        }
    }
}
