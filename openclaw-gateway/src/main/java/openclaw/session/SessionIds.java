package openclaw.session;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ids for sessions the gateway names itself (an API request without {@code user} gets a session of its own):
 * time-ordered UUIDs (version 7, RFC 9562) with 62 random bits. Each new id sorts after the previous one, so a new
 * session's rows land at the end of the store's indexes, on pages the previous sessions already touched, instead of on
 * a random page each: with random UUIDs every such turn dirtied two random index pages, four to five pages of
 * write-ahead log per turn under load. Thread-safe.
 */
public final class SessionIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The last id's milliseconds (upper bits) and counter within that millisecond (low 12 bits). */
    private static final AtomicLong LAST = new AtomicLong();

    private SessionIds() {}

    /** A new id, greater than every id this process made before (as a UUID and as text). */
    public static UUID next() {
        long now = System.currentTimeMillis() << 12;
        // within one millisecond the 12-bit counter orders ids; past 4096 ids it borrows from the next millisecond
        long stamp = LAST.updateAndGet(previous -> Math.max(previous + 1, now));
        long millis = stamp >>> 12;
        long counter = stamp & 0xFFF;
        long high = (millis << 16) | (0x7L << 12) | counter;
        long low = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // variant 0b10
        return new UUID(high, low);
    }
}
