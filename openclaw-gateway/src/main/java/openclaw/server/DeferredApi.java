package openclaw.server;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import openclaw.http.ApiExchange;
import openclaw.http.HttpApi;

/**
 * An API registered when the listener starts but served only once storage is open; until then it answers 503 in the
 * OpenAI error envelope, so the listener can start in parallel with opening storage.
 */
final class DeferredApi implements HttpApi {

    private static final byte[] STARTING = ("{\"error\":{\"message\":\"The gateway is starting; retry in a moment.\","
                    + "\"type\":\"server_error\",\"param\":null,\"code\":\"unavailable\"}}")
            .getBytes(StandardCharsets.UTF_8);

    private final String prefix;
    private final int maxBodyBytes;
    private final AtomicReference<HttpApi> target = new AtomicReference<>();

    DeferredApi(String prefix, int maxBodyBytes) {
        this.prefix = prefix;
        this.maxBodyBytes = maxBodyBytes;
    }

    void ready(HttpApi api) {
        target.set(api);
    }

    @Override
    public String prefix() {
        return prefix;
    }

    @Override
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    @Override
    public void handle(ApiExchange exchange) {
        HttpApi api = target.get();
        if (api == null) {
            exchange.respond(503, Map.of("Content-Type", "application/json", "Retry-After", "1"), STARTING);
        } else {
            api.handle(exchange);
        }
    }
}
