package openclaw.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayProbesIT {

    @TempDir
    static Path home;

    static TestGateway gateway;

    /** A caller that came through a proxy: not loopback-direct, so it only sees details with the token. */
    static final String[] PROXIED = {"X-Forwarded-For", "203.0.113.7"};

    @BeforeAll
    static void start() {
        gateway = TestGateway.start(home, "");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void liveness_probes_answer_openclaws_body_with_json_headers() {
        for (String path : new String[] {"/health", "/healthz"}) {
            HttpResponse<String> r = gateway.get(path);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"ok\":true,\"status\":\"live\"}");
            assertThat(r.headers().firstValue("content-type")).contains("application/json; charset=utf-8");
            assertThat(r.headers().firstValue("cache-control")).contains("no-store");
        }
    }

    @Test
    void head_gets_headers_without_a_body() {
        HttpResponse<String> r = gateway.send(
                HttpRequest.newBuilder(gateway.uri("/healthz")).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("content-type")).contains("application/json; charset=utf-8");
    }

    @Test
    void other_methods_get_405_with_allow() {
        for (String path : new String[] {"/healthz", "/readyz", "/startupz", "/metrics"}) {
            HttpResponse<String> r = gateway.send(
                    HttpRequest.newBuilder(gateway.uri(path)).POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(r.statusCode()).as(path).isEqualTo(405);
            assertThat(r.headers().firstValue("allow")).contains("GET, HEAD");
            assertThat(r.body()).isEqualTo("Method Not Allowed");
        }
    }

    @Test
    void readiness_shows_details_to_loopback_callers_only() {
        HttpResponse<String> local = gateway.get("/readyz");
        assertThat(local.statusCode()).isEqualTo(200);
        assertThat(local.body()).matches("\\{\"ready\":true,\"failing\":\\[],\"uptimeMs\":\\d+}");
        HttpResponse<String> proxied = gateway.get("/ready", PROXIED);
        assertThat(proxied.statusCode()).isEqualTo(200);
        assertThat(proxied.body()).isEqualTo("{\"ready\":true}");
    }

    @Test
    void authenticated_callers_get_details_through_a_proxy() {
        HttpResponse<String> r =
                gateway.get("/readyz", "X-Forwarded-For", "203.0.113.7", "Authorization", "Bearer " + gateway.token());
        assertThat(r.body()).contains("\"failing\":[]").contains("uptimeMs");
        HttpResponse<String> wrong =
                gateway.get("/readyz", "X-Forwarded-For", "203.0.113.7", "Authorization", "Bearer nope-nope");
        assertThat(wrong.body()).isEqualTo("{\"ready\":true}");
    }

    @Test
    void startup_probe_reports_started_with_version_for_trusted_callers() {
        HttpResponse<String> local = gateway.get("/startupz");
        assertThat(local.statusCode()).isEqualTo(200);
        assertThat(local.body())
                .startsWith("{\"ok\":true,\"status\":\"started\",\"version\":\"")
                .contains("uptimeMs");
        assertThat(gateway.get("/startup", PROXIED).body()).isEqualTo("{\"ok\":true,\"status\":\"started\"}");
    }

    @Test
    void metrics_count_requests_by_route_and_status_and_include_jvm_meters() {
        gateway.get("/healthz");
        gateway.get("/no/such/path");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String body = gateway.get("/metrics").body();
            assertThat(body)
                    .contains(
                            "openclaw_http_server_requests_seconds_count{method=\"GET\",route=\"/healthz\",status=\"200\"}")
                    .contains(
                            "openclaw_http_server_requests_seconds_bucket{method=\"GET\",route=\"/healthz\",status=\"200\",le=\"0.001\"}")
                    .contains("route=\"unmatched\",status=\"404\"")
                    .contains("jvm_memory_used_bytes")
                    .contains("process_cpu_usage")
                    .doesNotContain("/no/such/path");
        });
        assertThat(gateway.get("/metrics").headers().firstValue("content-type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/plain"));
    }

    @Test
    void metrics_need_the_token_when_not_loopback_direct() {
        HttpResponse<String> r = gateway.get("/metrics", PROXIED);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("www-authenticate")).contains("Bearer");
        assertThat(r.body()).contains("\"error\":{\"message\":").contains("\"code\":\"unauthorized\"");
        assertThat(gateway.get(
                                "/metrics",
                                "X-Forwarded-For",
                                "203.0.113.7",
                                "Authorization",
                                "Bearer " + gateway.token())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void status_requires_the_token_even_on_loopback_and_reports_the_process() {
        assertThat(gateway.get("/__openclaw__/status").statusCode()).isEqualTo(401);
        HttpResponse<String> r = gateway.get("/__openclaw__/status", "Authorization", "Bearer " + gateway.token());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("\"phase\":\"started\"")
                .contains("\"port\":" + gateway.process.port())
                .contains("\"kind\":\"sqlite\"")
                .doesNotContain(gateway.token());
    }

    @Test
    void unknown_paths_are_404() {
        assertThat(gateway.get("/definitely-not-here").statusCode()).isEqualTo(404);
    }
}
