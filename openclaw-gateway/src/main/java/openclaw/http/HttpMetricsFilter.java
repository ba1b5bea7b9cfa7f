package openclaw.http;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts every HTTP request and records its latency as {@code openclaw_http_server_requests_seconds} (a Prometheus
 * histogram with fixed buckets) by route, method and status. The route label is the registered path, or
 * {@code unmatched}, never the raw request path, so random URLs cannot blow up the series count. Also tracks requests
 * in flight for the drain on shutdown.
 */
final class HttpMetricsFilter implements Filter {

    static final String METER = "openclaw.http.server.requests";

    private static final Duration[] BUCKETS = {
        Duration.ofNanos(250_000), Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30)
    };

    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE");

    private final MeterRegistry registry;
    private final Set<String> routes;
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    HttpMetricsFilter(MeterRegistry registry, Set<String> routes) {
        this.registry = registry;
        this.routes = Set.copyOf(routes);
        registry.gauge("openclaw.http.server.requests.active", inFlight);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        inFlight.incrementAndGet();
        try {
            chain.proceed();
        } finally {
            inFlight.decrementAndGet();
            String path = req.path().path();
            String route = routes.contains(path) ? path : apiRoute(path);
            String method = METHODS.contains(req.prologue().method().text())
                    ? req.prologue().method().text()
                    : "other";
            int status = res.status().code();
            timer(route, method, status).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /** {@code /v1/*} for a path under an API prefix in the route set, else {@code unmatched}. */
    private String apiRoute(String path) {
        int second = path.indexOf('/', 1);
        if (second > 0 && routes.contains(path.substring(0, second))) {
            return path.substring(0, second) + "/*";
        }
        return "unmatched";
    }

    /** Requests currently being handled. */
    int inFlight() {
        return inFlight.get();
    }

    private Timer timer(String route, String method, int status) {
        String key = route + ' ' + method + ' ' + status;
        Timer t = timers.get(key);
        if (t != null) {
            return t;
        }
        return timers.computeIfAbsent(key, k -> Timer.builder(METER)
                .description("HTTP requests handled by the gateway")
                .tag("route", route)
                .tag("method", method)
                .tag("status", Integer.toString(status))
                .serviceLevelObjectives(BUCKETS)
                .register(registry));
    }
}
