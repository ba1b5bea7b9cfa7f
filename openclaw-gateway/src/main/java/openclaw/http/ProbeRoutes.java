package openclaw.http;

import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import openclaw.lifecycle.BuildInfo;
import openclaw.lifecycle.GatewayLifecycle;
import openclaw.lifecycle.ReadinessReport;

/**
 * Kubernetes probes with OpenClaw's bodies (protocols.md section 9.1): liveness {@code /health} and {@code /healthz},
 * readiness {@code /ready} and {@code /readyz}, start-up {@code /startup} and {@code /startupz}. GET and HEAD only;
 * details ({@code failing}, {@code uptimeMs}, {@code version}, {@code pendingReason}) only for loopback-direct or
 * authenticated callers.
 */
final class ProbeRoutes {

    static final List<String> PATHS = List.of("/health", "/healthz", "/ready", "/readyz", "/startup", "/startupz");

    private static final byte[] LIVE = "{\"ok\":true,\"status\":\"live\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] READY = "{\"ready\":true}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOT_READY = "{\"ready\":false}".getBytes(StandardCharsets.UTF_8);

    private final GatewayLifecycle lifecycle;
    private final Callers callers;

    ProbeRoutes(GatewayLifecycle lifecycle, Callers callers) {
        this.lifecycle = lifecycle;
        this.callers = callers;
    }

    void register(HttpRouting.Builder routing) {
        for (String path : List.of("/health", "/healthz")) {
            getOrHead(routing, path, this::live);
        }
        for (String path : List.of("/ready", "/readyz")) {
            getOrHead(routing, path, this::ready);
        }
        for (String path : List.of("/startup", "/startupz")) {
            getOrHead(routing, path, this::startup);
        }
    }

    static void getOrHead(HttpRouting.Builder routing, String path, io.helidon.webserver.http.Handler handler) {
        routing.route(Method.GET, path, handler);
        routing.route(Method.HEAD, path, handler);
        routing.any(path, (req, res) -> Responses.methodNotAllowed(res));
    }

    private void live(ServerRequest req, ServerResponse res) {
        Responses.json(req, res, Status.OK_200, LIVE);
    }

    private void ready(ServerRequest req, ServerResponse res) {
        ReadinessReport report;
        try {
            report = lifecycle.readiness();
        } catch (RuntimeException e) {
            report = new ReadinessReport(false, List.of("internal"), 0);
        }
        Status status = report.ready() ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503;
        if (!callers.isTrusted(req)) {
            Responses.json(req, res, status, report.ready() ? READY : NOT_READY);
            return;
        }
        StringBuilder sb = new StringBuilder(80)
                .append("{\"ready\":")
                .append(report.ready())
                .append(",\"failing\":[");
        for (int i = 0; i < report.failing().size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Json.string(sb, report.failing().get(i));
        }
        sb.append("],\"uptimeMs\":").append(report.uptimeMs()).append('}');
        Responses.json(req, res, status, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void startup(ServerRequest req, ServerResponse res) {
        GatewayLifecycle.Phase phase = lifecycle.phase();
        boolean started = phase == GatewayLifecycle.Phase.STARTED;
        String label =
                switch (phase) {
                    case STARTING -> "starting";
                    case STARTED -> "started";
                    case DRAINING -> "draining";
                };
        StringBuilder sb =
                new StringBuilder(96).append("{\"ok\":").append(started).append(",\"status\":\"");
        sb.append(label).append('"');
        if (callers.isTrusted(req)) {
            sb.append(",\"version\":");
            Json.string(sb, BuildInfo.current().version());
            sb.append(",\"uptimeMs\":").append(lifecycle.uptimeMs());
            lifecycle.pendingReason().ifPresent(reason -> {
                sb.append(",\"pendingReason\":");
                Json.string(sb, reason);
            });
        }
        sb.append('}');
        Status status = started ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503;
        Responses.json(req, res, status, sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
