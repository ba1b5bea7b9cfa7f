package openclaw.http;

import java.util.function.Supplier;
import openclaw.lifecycle.GatewayStatus;

/** A fixed status snapshot for listener tests that do not look at it. */
final class TestStatus {

    private TestStatus() {}

    /** A started gateway on 127.0.0.1 with the given auth mode and an SQLite store. */
    static Supplier<GatewayStatus> started(String authMode) {
        return () -> new GatewayStatus(
                "v", "s", 1, 0, "started", "127.0.0.1", 0, authMode, new GatewayStatus.Storage("sqlite", "x", 1, 1));
    }
}
