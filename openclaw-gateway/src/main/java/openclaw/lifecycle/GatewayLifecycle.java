package openclaw.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * The gateway's start-up → serving → draining state machine, the source of truth for {@code /startupz} and
 * {@code /readyz}. Thread-safe: the phase is a volatile field written by the process owner and read by probe
 * handlers; checks are registered during start-up.
 */
public final class GatewayLifecycle {

    /** Where the process is in its life. */
    public enum Phase {
        /** Listening, but storage or other start-up work is not finished. */
        STARTING,
        /** Serving. */
        STARTED,
        /** SIGTERM received: finishing in-flight work, refusing new work. */
        DRAINING
    }

    private final LongSupplier nanoTime;
    private final long startedNanos;
    private final List<ReadinessCheck> checks = new CopyOnWriteArrayList<>();
    private volatile Phase phase = Phase.STARTING;
    private volatile String pendingReason = "starting";

    public GatewayLifecycle(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.startedNanos = nanoTime.getAsLong();
    }

    /** A lifecycle on the system monotonic clock, starting now. */
    public static GatewayLifecycle startingNow() {
        return new GatewayLifecycle(System::nanoTime);
    }

    /** Adds a readiness dependency. */
    public void addCheck(ReadinessCheck check) {
        checks.add(check);
    }

    /** Records what start-up is waiting for (reported by {@code /startupz} to trusted callers). */
    public void pending(String reason) {
        this.pendingReason = reason;
    }

    /** Start-up finished. */
    public void markStarted() {
        if (phase == Phase.STARTING) {
            phase = Phase.STARTED;
            pendingReason = "";
        }
    }

    /** Shutdown began; readiness turns false at once so load balancers stop sending traffic. */
    public void markDraining() {
        phase = Phase.DRAINING;
        pendingReason = "draining";
    }

    /** Current phase. */
    public Phase phase() {
        return phase;
    }

    /** What start-up is still waiting for; empty once started. */
    public Optional<String> pendingReason() {
        String reason = pendingReason;
        return reason.isEmpty() ? Optional.empty() : Optional.of(reason);
    }

    /** Milliseconds since the process started its lifecycle. */
    public long uptimeMs() {
        return (nanoTime.getAsLong() - startedNanos) / 1_000_000L;
    }

    /** Runs every check (each isolated from the others' failures). */
    public ReadinessReport readiness() {
        List<String> failing = new ArrayList<>();
        Phase p = phase;
        if (p == Phase.STARTING) {
            failing.add("startup");
        } else if (p == Phase.DRAINING) {
            failing.add("draining");
        }
        for (ReadinessCheck check : checks) {
            boolean ok;
            try {
                ok = check.healthy();
            } catch (RuntimeException e) {
                ok = false;
            }
            if (!ok) {
                failing.add(check.name());
            }
        }
        return new ReadinessReport(failing.isEmpty(), failing, uptimeMs());
    }
}
