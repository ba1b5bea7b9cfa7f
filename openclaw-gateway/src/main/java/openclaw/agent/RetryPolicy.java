package openclaw.agent;

import java.time.Duration;
import openclaw.sdk.provider.ProviderException;

/**
 * How often and how long to wait before calling the same model again after a retryable failure: exponential backoff
 * from {@code baseDelay}, capped at {@code maxDelay}, but never shorter than the provider's {@code retry-after}
 * (itself capped at {@code maxRetryAfter}, beyond which waiting is pointless and failover is better).
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

    /** Three attempts, 0.5 s doubling to 8 s, retry-after honoured up to 60 s. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));

    /** No waiting (tests). */
    public static final RetryPolicy IMMEDIATE =
            new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(60));

    /** Whether attempt {@code attempt} (1-based) may be followed by another after {@code failure}. */
    boolean shouldRetry(ProviderException failure, int attempt) {
        return failure.retryable()
                && attempt < maxAttempts
                && failure.retryAfter()
                        .map(r -> r.compareTo(maxRetryAfter) <= 0)
                        .orElse(true);
    }

    /** The wait before attempt {@code attempt + 1}. */
    Duration delay(ProviderException failure, int attempt) {
        long backoff = Math.min(maxDelay.toMillis(), baseDelay.toMillis() * (1L << Math.min(attempt - 1, 20)));
        long asked = failure.retryAfter().map(Duration::toMillis).orElse(0L);
        return Duration.ofMillis(Math.max(backoff, asked));
    }
}
