package openclaw.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import openclaw.http.SocketEndpoint;
import openclaw.lifecycle.BuildInfo;

/**
 * The control socket endpoint at {@code /}: checks origins on upgrade, runs one {@link ControlConnection} per socket,
 * keeps the method table, sends {@code tick} events and pings to every authenticated socket, fans chat events out to
 * the sockets watching a session, and announces {@code shutdown} before closing everything. Thread-safe.
 */
public final class ControlPlane implements SocketEndpoint, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ControlPlane.class.getName());

    /** Frame limit before the handshake completes (close 1009 beyond it). */
    static final int PRE_AUTH_MAX_BYTES = 64 * 1024;

    /** Frame limit after the handshake: OpenClaw's {@code policy.maxPayload}. */
    static final int MAX_PAYLOAD_BYTES = 26_214_400;

    static final int MAX_BUFFERED_BYTES = 52_428_800;

    /** Timing and limits. */
    public record Settings(Duration tickInterval, Duration handshakeTimeout, int maxInFlight) {

        /** OpenClaw v3's 30 s tick, a 10 s handshake window and 32 concurrent requests per socket. */
        public static final Settings DEFAULTS = new Settings(Duration.ofSeconds(30), Duration.ofSeconds(10), 32);
    }

    private final Settings settings;
    private final ControlServices services;
    private final Handshake handshake;
    private final OriginPolicy origins;
    private final Map<String, Method> methods;
    private final Set<ControlConnection> connections = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<ControlConnection>> watchers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final ScheduledFuture<?> ticker;

    public ControlPlane(Settings settings, ControlServices services) {
        this.settings = settings;
        this.services = services;
        this.handshake = new Handshake(
                services.auth(),
                services.throttle(),
                new DeviceTokens(services.keyValues(), services.clock()),
                services.clock());
        this.origins = new OriginPolicy(
                () -> services.config().get().gateway().controlUi().allowedOrigins(),
                () -> services.config().get().gateway().bind().host(),
                services.port());
        Map<String, Method> table = new LinkedHashMap<>();
        for (Method m : InfoMethods.all(services)) {
            table.put(m.name(), m);
        }
        for (Method m : new ChatMethods(this, services).all()) {
            table.put(m.name(), m);
        }
        for (Method m : SessionMethods.all(services)) {
            table.put(m.name(), m);
        }
        this.methods = Map.copyOf(table);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "control-timer");
            t.setDaemon(true);
            return t;
        });
        long tick = settings.tickInterval().toMillis();
        this.ticker = timer.scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    @Override
    public String path() {
        return "/";
    }

    @Override
    public Optional<String> refuse(Upgrade upgrade) {
        Optional<String> refusal = origins.refuse(upgrade.header("origin"));
        refusal.ifPresent(r -> LOG.warning(() -> "refused a control socket from origin "
                + upgrade.header("origin").orElse("") + ": not allowed"));
        return refusal;
    }

    @Override
    public Handler open(Upgrade upgrade, InetSocketAddress remote, Outbound out) {
        ControlConnection connection = new ControlConnection(this, out, remote);
        connection.start();
        return connection;
    }

    /** Authenticated sockets now open. */
    public int connections() {
        return connections.size();
    }

    /** Announces shutdown to every socket, closes them (1012) and stops the timer. */
    @Override
    public void close() {
        ticker.cancel(false);
        ObjectNode payload = Frames.object().put("reason", "gateway stopping");
        for (ControlConnection c : connections) {
            c.event("shutdown", payload);
            c.close(1012, "gateway stopping");
        }
        timer.shutdownNow();
    }

    Settings settings() {
        return settings;
    }

    Clock clock() {
        return services.clock();
    }

    Handshake handshake() {
        return handshake;
    }

    Optional<Method> method(String name) {
        return Optional.ofNullable(methods.get(name));
    }

    ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    void opened(ControlConnection connection) {
        connections.add(connection);
    }

    void closed(ControlConnection connection) {
        connections.remove(connection);
        for (String key : connection.watched()) {
            watchers.computeIfPresent(key, (k, set) -> {
                set.remove(connection);
                return set.isEmpty() ? null : set;
            });
        }
    }

    void watch(String sessionKey, ControlConnection connection) {
        watchers.computeIfAbsent(sessionKey, k -> ConcurrentHashMap.newKeySet()).add(connection);
    }

    /** Sends an event to every open socket watching the session that may read content. */
    void toWatchers(String sessionKey, String event, JsonNode payload, boolean toolEvent) {
        Set<ControlConnection> set = watchers.get(sessionKey);
        if (set == null) {
            return;
        }
        for (ControlConnection c : set) {
            Principal p = c.principal();
            if (c.isOpen() && p.has(Principal.READ) && (!toolEvent || p.caps().contains("tool-events"))) {
                c.event(event, payload);
            }
        }
    }

    JsonNode hello(ControlConnection connection, Handshake.Result result) {
        Principal p = result.principal();
        ObjectNode hello = Frames.object().put("type", "hello-ok").put("protocol", p.protocol());
        hello.putObject("server").put("version", BuildInfo.current().version()).put("connId", connection.connId());
        ObjectNode features = hello.putObject("features");
        methods.keySet().forEach(features.putArray("methods")::add);
        for (String e : new String[] {"connect.challenge", "tick", "chat", "agent", "shutdown"}) {
            features.withArray("events").add(e);
        }
        ObjectNode snapshot = hello.putObject("snapshot");
        snapshot.putArray("presence");
        snapshot.set("health", InfoMethods.health(services));
        snapshot.putObject("stateVersion").put("presence", 0).put("health", 0);
        snapshot.put("uptimeMs", services.status().get().uptimeMs());
        String agent = services.defaultAgent().get();
        snapshot.putObject("sessionDefaults")
                .put("defaultAgentId", agent)
                .put("mainKey", "main")
                .put("mainSessionKey", "agent:" + agent + ":main");
        snapshot.put("authMode", services.auth().mode() == openclaw.config.AuthMode.NONE ? "none" : "token");
        ObjectNode auth = hello.putObject("auth").put("method", p.authMethod()).put("role", p.role());
        p.scopes().forEach(auth.putArray("scopes")::add);
        result.issuedDeviceToken().ifPresent(t -> auth.put("deviceToken", t).put("issuedAtMs", clock().millis()));
        hello.putObject("policy")
                .put("maxPayload", MAX_PAYLOAD_BYTES)
                .put("maxBufferedBytes", MAX_BUFFERED_BYTES)
                .put("tickIntervalMs", settings.tickInterval().toMillis());
        return hello;
    }

    private void tick() {
        ObjectNode payload = Frames.object().put("ts", clock().millis());
        for (ControlConnection c : connections) {
            Thread.ofVirtual().start(() -> {
                try {
                    c.event("tick", payload);
                    c.ping();
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "tick failed", e);
                }
            });
        }
    }
}
