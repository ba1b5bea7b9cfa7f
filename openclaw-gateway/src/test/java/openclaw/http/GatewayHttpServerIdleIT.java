package openclaw.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import openclaw.auth.GatewayAuth;
import openclaw.config.AuthMode;
import openclaw.lifecycle.GatewayLifecycle;
import openclaw.lifecycle.GatewayStatus;
import openclaw.metrics.GatewayMetrics;
import org.junit.jupiter.api.Test;

/**
 * Helidon closes connections that received nothing for its idle timeout (5 minutes by default), WebSockets included,
 * and an idle control socket receives nothing: it only gets ticks. The listener must not do that.
 */
class GatewayHttpServerIdleIT {

    @Test
    void the_listener_never_closes_a_connection_for_receiving_nothing() {
        GatewayLifecycle lifecycle = GatewayLifecycle.startingNow();
        GatewayHttpServer.Services services = new GatewayHttpServer.Services(
                lifecycle,
                new GatewayAuth(AuthMode.NONE, Optional.empty()),
                new GatewayMetrics(),
                () -> new GatewayStatus(
                        "v",
                        "s",
                        1,
                        0,
                        "started",
                        "127.0.0.1",
                        0,
                        "none",
                        new GatewayStatus.Storage("sqlite", "x", 1, 1)));
        try (GatewayHttpServer server = GatewayHttpServer.start(
                new GatewayHttpServer.Settings("127.0.0.1", 0, Duration.ofSeconds(1)), services, routing -> {})) {
            assertThat(server.idleConnectionTimeout()).isGreaterThanOrEqualTo(Duration.ofDays(365));
        }
    }
}
