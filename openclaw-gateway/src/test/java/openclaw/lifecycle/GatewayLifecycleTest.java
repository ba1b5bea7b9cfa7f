package openclaw.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GatewayLifecycleTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final GatewayLifecycle lifecycle = new GatewayLifecycle(nanos::get);

    private static ReadinessCheck check(String name, AtomicBoolean healthy) {
        return new ReadinessCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean healthy() {
                return healthy.get();
            }
        };
    }

    @Test
    void is_not_ready_while_starting() {
        assertThat(lifecycle.readiness().ready()).isFalse();
        assertThat(lifecycle.readiness().failing()).containsExactly("startup");
        assertThat(lifecycle.pendingReason()).contains("starting");
    }

    @Test
    void is_ready_once_started_with_healthy_checks() {
        AtomicBoolean storage = new AtomicBoolean(true);
        lifecycle.addCheck(check("storage", storage));
        lifecycle.markStarted();
        assertThat(lifecycle.readiness().ready()).isTrue();
        assertThat(lifecycle.pendingReason()).isEmpty();
        storage.set(false);
        assertThat(lifecycle.readiness().failing()).containsExactly("storage");
    }

    @Test
    void a_throwing_check_counts_as_failing_without_hiding_the_others() {
        lifecycle.addCheck(new ReadinessCheck() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public boolean healthy() {
                throw new IllegalStateException("boom");
            }
        });
        lifecycle.addCheck(check("storage", new AtomicBoolean(false)));
        lifecycle.markStarted();
        assertThat(lifecycle.readiness().failing()).containsExactly("broken", "storage");
    }

    @Test
    void draining_turns_readiness_off_and_never_goes_back() {
        lifecycle.markStarted();
        lifecycle.markDraining();
        lifecycle.markStarted();
        assertThat(lifecycle.phase()).isEqualTo(GatewayLifecycle.Phase.DRAINING);
        assertThat(lifecycle.readiness().failing()).containsExactly("draining");
    }

    @Test
    void reports_uptime_from_the_monotonic_clock() {
        nanos.addAndGet(2_500_000_000L);
        assertThat(lifecycle.uptimeMs()).isEqualTo(2500);
        assertThat(lifecycle.readiness().uptimeMs()).isEqualTo(2500);
    }
}
