package openclaw.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import openclaw.auth.GatewayAuth;
import openclaw.config.AuthMode;
import openclaw.lifecycle.GatewayLifecycle;
import openclaw.metrics.GatewayMetrics;
import org.junit.jupiter.api.Test;

class GatewayHttpServerDrainIT {

    private final HttpClient client = HttpClient.newHttpClient();
    private final GatewayLifecycle lifecycle = GatewayLifecycle.startingNow();

    private GatewayHttpServer server(Duration drain, long slowMillis, CountDownLatch entered) {
        GatewayHttpServer.Services services = new GatewayHttpServer.Services(
                lifecycle,
                new GatewayAuth(AuthMode.NONE, Optional.empty()),
                new GatewayMetrics(),
                TestStatus.started("none"));
        lifecycle.markStarted();
        return GatewayHttpServer.start(
                new GatewayHttpServer.Settings("127.0.0.1", 0, drain),
                services,
                routing -> routing.get("/slow", (req, res) -> {
                    entered.countDown();
                    try {
                        Thread.sleep(slowMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    res.send("done");
                }));
    }

    @Test
    void shutdown_lets_an_in_flight_request_finish_and_then_refuses_connections() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        GatewayHttpServer server = server(Duration.ofSeconds(10), 1500, entered);
        URI slow = URI.create("http://127.0.0.1:" + server.port() + "/slow");
        CompletableFuture<HttpResponse<String>> inFlight =
                client.sendAsync(HttpRequest.newBuilder(slow).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(server.inFlight()).isEqualTo(1);

        long t0 = System.nanoTime();
        lifecycle.markDraining();
        server.close();
        long closedAfterMs = (System.nanoTime() - t0) / 1_000_000;

        HttpResponse<String> response = inFlight.get(5, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("done");
        assertThat(closedAfterMs).isGreaterThan(1000).isLessThan(9000);
        assertThatThrownBy(() -> HttpClient.newHttpClient()
                        .send(HttpRequest.newBuilder(slow).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOfAny(ConnectException.class, IOException.class);
    }

    @Test
    void the_drain_is_bounded_by_its_timeout() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        GatewayHttpServer server = server(Duration.ofMillis(500), 20_000, entered);
        client.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/slow"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        long t0 = System.nanoTime();
        server.close();
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5000);
    }

    @Test
    void while_draining_new_work_gets_503_but_probes_still_answer() {
        CountDownLatch entered = new CountDownLatch(1);
        GatewayHttpServer server = server(Duration.ofSeconds(1), 10, entered);
        try {
            lifecycle.markDraining();
            HttpResponse<String> work = send(server, "/slow");
            assertThat(work.statusCode()).isEqualTo(503);
            assertThat(work.body()).contains("\"code\":\"draining\"");
            assertThat(send(server, "/healthz").statusCode()).isEqualTo(200);
            assertThat(send(server, "/readyz").statusCode()).isEqualTo(503);
            assertThat(send(server, "/startupz").body()).contains("\"status\":\"draining\"");
        } finally {
            server.close();
        }
    }

    private HttpResponse<String> send(GatewayHttpServer server, String path) {
        try {
            return client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
