package openclaw.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.websocket.WsConfig;
import io.helidon.webserver.websocket.WsRouting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import openclaw.auth.GatewayAuth;
import openclaw.lifecycle.GatewayLifecycle;
import openclaw.lifecycle.GatewayStatus;
import openclaw.metrics.GatewayMetrics;
import openclaw.sdk.OpenClawException;

/**
 * The gateway's HTTP listener (Helidon SE; one virtual thread per request). Owns routing and the listener's life:
 * {@link #start} binds, {@link #close} stops accepting, lets in-flight requests finish within the drain timeout, and
 * returns. The only class that knows Helidon's server API, so swapping the server touches this package only.
 */
public final class GatewayHttpServer implements AutoCloseable {

    /** Where to listen and how long a shutdown may wait for in-flight requests. */
    public record Settings(String host, int port, Duration drainTimeout) {
        public Settings {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(drainTimeout, "drainTimeout");
        }
    }

    /** What the routes read: lifecycle, auth, metrics and the status snapshot. */
    public record Services(
            GatewayLifecycle lifecycle,
            GatewayAuth auth,
            GatewayMetrics metrics,
            Supplier<GatewayStatus> status,
            List<SocketEndpoint> sockets,
            List<HttpApi> apis) {

        public Services {
            sockets = List.copyOf(sockets);
            apis = List.copyOf(apis);
        }

        /** Services without APIs. */
        public Services(
                GatewayLifecycle lifecycle,
                GatewayAuth auth,
                GatewayMetrics metrics,
                Supplier<GatewayStatus> status,
                List<SocketEndpoint> sockets) {
            this(lifecycle, auth, metrics, status, sockets, List.of());
        }

        /** Services without WebSocket endpoints or APIs. */
        public Services(
                GatewayLifecycle lifecycle, GatewayAuth auth, GatewayMetrics metrics, Supplier<GatewayStatus> status) {
            this(lifecycle, auth, metrics, status, List.of(), List.of());
        }
    }

    /** Largest WebSocket frame the listener reads (endpoints set lower limits per message). */
    static final int MAX_WS_FRAME = 26_214_400 + 1024;

    private final WebServer server;
    private final HttpMetricsFilter metricsFilter;
    private final SocketKeepalive keepalive;

    private GatewayHttpServer(WebServer server, HttpMetricsFilter metricsFilter, SocketKeepalive keepalive) {
        this.server = server;
        this.metricsFilter = metricsFilter;
        this.keepalive = keepalive;
    }

    /**
     * Binds and starts serving.
     *
     * @throws OpenClawException when the port is taken (naming it and how to choose another) or the address is
     *     invalid
     */
    public static GatewayHttpServer start(Settings settings, Services services) {
        return start(settings, services, routing -> {});
    }

    /** As {@link #start(Settings, Services)}, with extra routes (used by tests that need a slow request). */
    static GatewayHttpServer start(Settings settings, Services services, Consumer<HttpRouting.Builder> extraRoutes) {
        return start(settings, services, SocketKeepalive.Policy.DEFAULT, extraRoutes);
    }

    /** As {@link #start(Settings, Services)}, with another keepalive policy and extra routes (for tests). */
    static GatewayHttpServer start(
            Settings settings,
            Services services,
            SocketKeepalive.Policy keepalivePolicy,
            Consumer<HttpRouting.Builder> extraRoutes) {
        Callers callers = new Callers(services.auth());
        Set<String> routes = new HashSet<>(ProbeRoutes.PATHS);
        routes.add(AdminRoutes.METRICS);
        routes.add(AdminRoutes.STATUS);
        services.apis().forEach(api -> routes.add(api.prefix()));
        HttpMetricsFilter metricsFilter =
                new HttpMetricsFilter(services.metrics().registry(), routes);
        RefusedUpgrades refused = new RefusedUpgrades(services.sockets());
        HttpRouting.Builder routing = HttpRouting.builder()
                .addFilter(metricsFilter)
                .addFilter((chain, req, res) -> {
                    if (services.lifecycle().phase() == GatewayLifecycle.Phase.DRAINING
                            && !ProbeRoutes.PATHS.contains(req.path().path())) {
                        res.header(HeaderValues.CONNECTION_CLOSE);
                        Responses.error(
                                res,
                                Status.SERVICE_UNAVAILABLE_503,
                                "server_error",
                                "draining",
                                "the gateway is shutting down; retry against another instance");
                        return;
                    }
                    if (req.headers()
                            .first(HeaderNames.UPGRADE)
                            .map(u -> u.equalsIgnoreCase("websocket"))
                            .orElse(false)) {
                        // A WebSocket upgrade reaches HTTP routing only when its endpoint refused it.
                        refused.answer(req, res);
                        return;
                    }
                    chain.proceed();
                });
        new ProbeRoutes(services.lifecycle(), callers).register(routing);
        new AdminRoutes(services.metrics(), services.status(), callers).register(routing);
        services.apis().forEach(api -> new ApiRoutes(api).register(routing));
        new WebChatRoutes().register(routing);
        extraRoutes.accept(routing);
        WsRouting.Builder ws = WsRouting.builder();
        SocketKeepalive keepalive = new SocketKeepalive(keepalivePolicy);
        services.sockets().forEach(e -> ws.endpoint(e.path(), () -> new WebSocketAdapter(e, keepalive)));
        WebServer server;
        try {
            server = WebServer.builder()
                    .host(settings.host())
                    .port(settings.port())
                    .shutdownHook(false)
                    .shutdownGracePeriod(settings.drainTimeout())
                    // A control socket answers one request with several small frames (res, then events): with
                    // Nagle's algorithm each frame after the first waited for the peer's delayed ACK (40 ms).
                    .connectionOptions(o -> o.tcpNoDelay(true))
                    // closes connections that received nothing for a while; quiet WebSockets are pinged before
                    .idleConnectionTimeout(keepalivePolicy.idleTimeout())
                    .idleConnectionPeriod(keepalivePolicy.checkEvery())
                    .addProtocol(WsConfig.builder()
                            .name("websocket")
                            .maxFrameLength(MAX_WS_FRAME)
                            .build())
                    .routing(routing)
                    .addRouting(ws)
                    .build()
                    .start();
        } catch (UncheckedIOException | IllegalStateException e) {
            keepalive.close();
            throw bindFailure(settings, e);
        }
        if (!server.isRunning() || server.port() < 0) {
            // Helidon logs a failed bind and returns a stopped server instead of throwing.
            server.stop();
            keepalive.close();
            throw bindFailure(settings, new IllegalStateException("the listener did not start", probeBind(settings)));
        }
        return new GatewayHttpServer(server, metricsFilter, keepalive);
    }

    /**
     * Initialises the web server's service registry and routing machinery (a few hundred ms on a cold JVM) without
     * binding anything, so a starting gateway can do it while it reads its config. Never throws: {@link #start}
     * reports real problems.
     */
    public static void prewarm() {
        try {
            HttpRouting.builder().get("/", (req, res) -> res.send()).build();
        } catch (RuntimeException e) { // warm-up only
        }
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return server.port();
    }

    /** Open WebSockets of every endpoint. */
    int openSockets() {
        return keepalive.openSockets();
    }

    /** Requests being handled right now. */
    public int inFlight() {
        return metricsFilter.inFlight();
    }

    @Override
    public void close() {
        server.stop();
        keepalive.close();
    }

    /** Tries the bind ourselves to learn why Helidon could not listen. */
    private static Throwable probeBind(Settings settings) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(settings.host(), settings.port()));
            return new IllegalStateException("address became free again");
        } catch (IOException e) {
            return e;
        }
    }

    private static OpenClawException bindFailure(Settings settings, RuntimeException e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof BindException)) {
            cause = cause.getCause();
        }
        if (cause != null) {
            return new OpenClawException(
                    "port " + settings.port() + " on " + settings.host()
                            + " is already in use; stop the other process (openclaw gateway stop) or choose another port"
                            + " with --port or [gateway] port in openclaw.toml",
                    e);
        }
        return new OpenClawException(
                "cannot listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage()
                        + "; check [gateway] bind in openclaw.toml",
                e);
    }
}
