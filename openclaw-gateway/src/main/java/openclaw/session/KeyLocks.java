package openclaw.session;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per key, existing only while some thread holds or waits for it, so work on one key never waits for work on
 * another (a fixed set of striped locks makes unrelated keys that share a stripe wait for each other). The locks are
 * {@link ReentrantLock}s, so virtual threads doing I/O under them do not pin their carrier. Thread-safe.
 */
public final class KeyLocks {

    /** A key's lock and how many threads hold or wait for it; {@code users} changes only inside the map's compute. */
    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** Runs {@code work} holding {@code key}'s lock. */
    public <T> T locked(String key, Supplier<T> work) {
        Entry entry = entries.compute(key, (k, e) -> {
            Entry held = e == null ? new Entry() : e;
            held.users++;
            return held;
        });
        entry.lock.lock();
        try {
            return work.get();
        } finally {
            entry.lock.unlock();
            entries.computeIfPresent(key, (k, e) -> --e.users == 0 ? null : e);
        }
    }

    /** Keys whose lock is currently held or waited for. */
    public int size() {
        return entries.size();
    }
}
