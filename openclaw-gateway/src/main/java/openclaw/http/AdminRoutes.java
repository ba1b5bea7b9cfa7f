package openclaw.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.function.Supplier;
import openclaw.lifecycle.GatewayStatus;
import openclaw.metrics.GatewayMetrics;

/**
 * Operator routes: {@code GET /metrics} (Prometheus text; open to loopback-direct callers, token required otherwise)
 * and {@code GET /__openclaw__/status} (always requires the token unless auth is off): the gateway status as plain
 * HTTP for scripts and monitors (the CLI's {@code gateway status} asks the control socket's {@code status} method).
 */
final class AdminRoutes {

    static final String METRICS = "/metrics";
    static final String STATUS = "/__openclaw__/status";

    /** Created on the first status request: an object mapper costs tens of ms of a cold start. */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper();
    }

    private final GatewayMetrics metrics;
    private final Supplier<GatewayStatus> status;
    private final Callers callers;

    AdminRoutes(GatewayMetrics metrics, Supplier<GatewayStatus> status, Callers callers) {
        this.metrics = metrics;
        this.status = status;
        this.callers = callers;
    }

    void register(HttpRouting.Builder routing) {
        ProbeRoutes.getOrHead(routing, METRICS, this::metrics);
        ProbeRoutes.getOrHead(routing, STATUS, this::status);
    }

    private void metrics(ServerRequest req, ServerResponse res) {
        if (!callers.isTrusted(req)) {
            Responses.unauthorized(res);
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, GatewayMetrics.CONTENT_TYPE);
        res.header(Responses.NO_STORE);
        res.send(metrics.scrape());
    }

    private void status(ServerRequest req, ServerResponse res) {
        if (!callers.isAuthenticated(req)) {
            Responses.unauthorized(res);
            return;
        }
        try {
            Responses.json(req, res, Status.OK_200, Mapper.INSTANCE.writeValueAsBytes(status.get()));
        } catch (JsonProcessingException e) {
            Responses.error(
                    res,
                    Status.INTERNAL_SERVER_ERROR_500,
                    "server_error",
                    "status_failed",
                    "could not render the gateway status");
        }
    }
}
