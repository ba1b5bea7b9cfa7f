package openclaw.openai;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Request counters: {@code openclaw_openai_requests_total{endpoint,status}} for every request, and the seed's
 * {@code openclaw_migration_openai_requests_total{endpoint,client}} for authenticated requests, so operators see which
 * clients (API key names, or {@code gateway-token}) still use the compatibility endpoints.
 */
final class ApiMetrics {

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();

    ApiMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void request(String endpoint, int status) {
        String key = "r " + endpoint + ' ' + status;
        Counter c = counters.get(key);
        if (c == null) {
            c = counters.computeIfAbsent(key, k -> Counter.builder("openclaw.openai.requests")
                    .description("Requests to the OpenAI-compatible API")
                    .tag("endpoint", endpoint)
                    .tag("status", Integer.toString(status))
                    .register(registry));
        }
        c.increment();
    }

    void migration(String endpoint, String client) {
        String key = "m " + endpoint + ' ' + client;
        Counter c = counters.get(key);
        if (c == null) {
            c = counters.computeIfAbsent(key, k -> Counter.builder("openclaw.migration.openai.requests")
                    .description("Authenticated requests to the OpenAI compatibility endpoints, by client")
                    .tag("endpoint", endpoint)
                    .tag("client", client)
                    .register(registry));
        }
        c.increment();
    }
}
