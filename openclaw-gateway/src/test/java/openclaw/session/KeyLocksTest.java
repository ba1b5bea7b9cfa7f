package openclaw.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeyLocksTest {

    private final KeyLocks locks = new KeyLocks();

    @Test
    void work_on_one_key_does_not_wait_for_work_on_another_key_with_the_same_hash() throws Exception {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> holder = threads.submit(() -> locks.locked("Aa", () -> {
                inside.countDown();
                await(release);
                return "held";
            }));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

            Future<String> other = threads.submit(() -> locks.locked("BB", () -> "free"));

            assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo("free");
            assertThat(holder).isNotDone();
            release.countDown();
            assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo("held");
        }
        assertThat(locks.size()).isZero();
    }

    @Test
    void work_on_one_key_runs_one_at_a_time_and_its_lock_is_dropped_afterwards() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 200; i++) {
                threads.submit(() -> locks.locked("k", () -> {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    Thread.yield();
                    return inside.decrementAndGet();
                }));
            }
        }
        assertThat(most.get()).isEqualTo(1);
        assertThat(locks.size()).isZero();
    }

    @Test
    void a_failing_work_releases_the_lock() {
        try {
            locks.locked("k", () -> {
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // the lock must be free again
        }
        assertThat(locks.locked("k", () -> "again")).isEqualTo("again");
        assertThat(locks.size()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
