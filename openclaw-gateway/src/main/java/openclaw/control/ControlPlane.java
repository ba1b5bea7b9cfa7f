package openclaw.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import openclaw.http.SocketEndpoint;
import openclaw.lifecycle.BuildInfo;

/**
 * The control socket endpoint at {@code /}: checks origins on upgrade, runs one {@link ControlConnection} per socket,
 * keeps the method table, sends {@code tick} events to every authenticated socket, fans chat events out to the sockets
 * watching a session, and announces {@code shutdown} before closing everything. Thread-safe.
 *
 * <p>The tick (every 30 s) is the keepalive OpenClaw's clients watch for (they close after two missed intervals);
 * the listener adds WebSocket pings for sockets that have been quiet for minutes (see {@code SocketKeepalive}), whose
 * pongs prove the peer is still there. Pings at the tick's rate would cost memory: every pong wakes the socket's parked
 * reader, whose saved stack moves to a new chunk and leaves the old one as old-generation garbage.
 */
public final class ControlPlane implements SocketEndpoint, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ControlPlane.class.getName());

    /** Frame limit before the handshake completes (close 1009 beyond it). */
    static final int PRE_AUTH_MAX_BYTES = 64 * 1024;

    /** Frame limit after the handshake: OpenClaw's {@code policy.maxPayload}. */
    static final int MAX_PAYLOAD_BYTES = 26_214_400;

    static final int MAX_BUFFERED_BYTES = 52_428_800;

    /** How long a hello may reuse the health summary and uptime read for an earlier hello. */
    static final long HELLO_FACTS_MAX_AGE_MS = 1000;

    private static final HelloFacts NO_HELLO_FACTS = new HelloFacts(Frames.object(), 0, Long.MIN_VALUE / 2);

    /** Tick sends started before the ticking thread lets them run. */
    static final int TICK_BATCH = 64;

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
    private final Set<ControlConnection> sessionSubscribers = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;
    private final ScheduledFuture<?> ticker;
    private final ObjectNode features;
    private final ObjectNode policy;
    private volatile HelloFacts helloFacts = NO_HELLO_FACTS;
    private final ReentrantLock helloFactsRefresh = new ReentrantLock();

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
        for (Method m : SessionMethods.all(this, services)) {
            table.put(m.name(), m);
        }
        for (Method m : SystemMethods.all(this, services)) {
            table.put(m.name(), m);
        }
        this.methods = Map.copyOf(table);
        // the parts of every hello that never change, shared read-only
        this.features = Frames.object();
        table.keySet().forEach(features.putArray("methods")::add);
        ArrayNode events = features.putArray("events");
        for (String e : new String[] {"connect.challenge", "tick", "chat", "agent", "sessions.changed", "shutdown"}) {
            events.add(e);
        }
        this.policy = Frames.object()
                .put("maxPayload", MAX_PAYLOAD_BYTES)
                .put("maxBufferedBytes", MAX_BUFFERED_BYTES)
                .put("tickIntervalMs", settings.tickInterval().toMillis());
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "control-timer");
            t.setDaemon(true);
            return t;
        });
        // every socket's handshake timer is cancelled once it authenticates: drop it then, not 10 s later
        executor.setRemoveOnCancelPolicy(true);
        this.timer = executor;
        long tick = settings.tickInterval().toMillis();
        this.ticker = timer.scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    @Override
    public String path() {
        return "/";
    }

    @Override
    public Optional<String> refuse(Upgrade upgrade) {
        return refuseOrigin(upgrade, "control socket");
    }

    /**
     * The gateway's browser-origin check for any of its WebSockets: empty when {@code upgrade}'s origin is allowed,
     * else why not (logged, naming {@code socket}, e.g. "Responses socket").
     */
    public Optional<String> refuseOrigin(Upgrade upgrade, String socket) {
        Optional<String> refusal = origins.refuse(upgrade.header("origin"));
        refusal.ifPresent(r -> LOG.warning(() -> "refused a " + socket + " from origin "
                + upgrade.header("origin").orElse("") + ": not allowed"));
        return refusal;
    }

    @Override
    public Handler open(Upgrade upgrade, InetSocketAddress remote, Outbound out) {
        ControlConnection connection = new ControlConnection(this, out, remote);
        // The challenge goes out from its own virtual thread: whatever that waits for (the send, the timer's lock,
        // the random source), the socket's reader thread does not park deep inside it, and the stack a thread keeps
        // is sized by its deepest park. Idle sockets then keep small stacks.
        Thread.ofVirtual().name("control-open").start(connection::start);
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

    /** The authenticated sockets, for {@code system-presence}. */
    Set<ControlConnection> authenticated() {
        return Set.copyOf(connections);
    }

    void opened(ControlConnection connection) {
        connections.add(connection);
    }

    void closed(ControlConnection connection) {
        connections.remove(connection);
        sessionSubscribers.remove(connection);
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

    /** Sends this connection {@code sessions.changed} events from now on ({@code sessions.subscribe}). */
    void subscribeSessions(ControlConnection connection) {
        sessionSubscribers.add(connection);
    }

    /** A {@code sessions.changed} event to every subscribed socket that may read. */
    void sessionsChanged(JsonNode payload) {
        for (ControlConnection c : sessionSubscribers) {
            if (c.isOpen() && c.principal().has(Principal.READ)) {
                c.event("sessions.changed", payload);
            }
        }
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
        long now = clock().millis();
        HelloFacts facts = helloFacts(now);
        ObjectNode hello = Frames.object().put("type", "hello-ok").put("protocol", p.protocol());
        hello.putObject("server").put("version", BuildInfo.current().version()).put("connId", connection.connId());
        hello.set("features", features);
        ObjectNode snapshot = hello.putObject("snapshot");
        snapshot.putArray("presence");
        snapshot.set("health", facts.health());
        snapshot.putObject("stateVersion").put("presence", 0).put("health", 0);
        snapshot.put("uptimeMs", facts.uptimeMs() + (now - facts.atMillis()));
        String agent = services.defaultAgent().get();
        snapshot.putObject("sessionDefaults")
                .put("defaultAgentId", agent)
                .put("mainKey", "main")
                .put("mainSessionKey", "agent:" + agent + ":main");
        snapshot.put("authMode", services.auth().mode() == openclaw.config.AuthMode.NONE ? "none" : "token");
        ObjectNode auth = hello.putObject("auth").put("method", p.authMethod()).put("role", p.role());
        p.scopes().forEach(auth.putArray("scopes")::add);
        result.issuedDeviceToken().ifPresent(t -> auth.put("deviceToken", t).put("issuedAtMs", now));
        hello.set("policy", policy);
        return hello;
    }

    /**
     * The store-backed parts of a hello (health summary, uptime), reused for up to {@value #HELLO_FACTS_MAX_AGE_MS}
     * ms. Reading them takes the store: when many clients connect at once (all of them after a gateway restart) every
     * hello queued for it, parked with a deep stack while its garbage was kept alive and promoted. So one hello at a
     * time reads them while the others take the previous ones, and the uptime is read from the gateway status only
     * once: that status also asks Flyway for the migration state, which scans the classpath and allocates about 17 MB
     * per call. The {@code health} and {@code status} methods are always fresh.
     */
    private HelloFacts helloFacts(long now) {
        HelloFacts cached = helloFacts;
        if (isFresh(cached, now)) {
            return cached;
        }
        if (!helloFactsRefresh.tryLock()) {
            if (cached != NO_HELLO_FACTS) {
                return cached; // another hello is reading newer ones
            }
            helloFactsRefresh.lock();
        }
        try {
            cached = helloFacts;
            if (isFresh(cached, now)) {
                return cached;
            }
            long uptimeMs = cached == NO_HELLO_FACTS
                    ? services.status().get().uptimeMs()
                    : cached.uptimeMs() + Math.max(0, now - cached.atMillis());
            HelloFacts fresh = new HelloFacts(InfoMethods.health(services), uptimeMs, now);
            helloFacts = fresh;
            return fresh;
        } finally {
            helloFactsRefresh.unlock();
        }
    }

    private static boolean isFresh(HelloFacts facts, long now) {
        return now >= facts.atMillis() && now - facts.atMillis() < HELLO_FACTS_MAX_AGE_MS;
    }

    /** A health summary (shared read-only between hellos) and the uptime at {@code atMillis}. */
    private record HelloFacts(JsonNode health, long uptimeMs, long atMillis) {}

    private void tick() {
        ObjectNode payload = Frames.object().put("ts", clock().millis());
        Thread.ofVirtual().name("control-tick").start(() -> {
            int started = 0;
            for (ControlConnection c : connections) {
                Thread.ofVirtual().start(() -> {
                    try {
                        c.event("tick", payload);
                    } catch (RuntimeException e) {
                        LOG.log(Level.FINE, "tick failed", e);
                    }
                });
                if (++started % TICK_BATCH == 0) {
                    Thread.yield();
                }
            }
        });
    }
}
