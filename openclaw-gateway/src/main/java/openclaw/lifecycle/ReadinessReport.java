package openclaw.lifecycle;

import java.util.List;

/** Result of evaluating readiness: ready only when started, not draining, and every check healthy. */
public record ReadinessReport(boolean ready, List<String> failing, long uptimeMs) {

    public ReadinessReport {
        failing = List.copyOf(failing);
    }
}
