package openclaw.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.logging.Level;
import java.util.logging.Logger;
import openclaw.http.SocketEndpoint;

/**
 * One control socket: sends the challenge on open, accepts only a {@code connect} request first (anything else closes
 * with 1008; more than {@value ControlPlane#PRE_AUTH_MAX_BYTES} bytes closes with 1009), then dispatches requests,
 * each on its own virtual thread with a per-connection limit, so a slow method never stops the socket reading.
 * Malformed frames get an error answer; too many of them close the socket. The challenge and the handshake run on
 * virtual threads of their own, so the socket's reader thread, which an idle socket keeps parked for hours, only ever
 * parks in its read loop (a virtual thread's saved stack is sized by its deepest park). An authenticated socket may
 * stay idle for hours, and a gateway holds thousands of them, so it keeps only what it still needs: the handshake's
 * latches, nonce and timer are dropped once it succeeded, counters are plain fields, the set of watched sessions is
 * made on the first watch, and the connection id is two longs. Thread-safe.
 */
final class ControlConnection implements SocketEndpoint.Handler {

    private static final Logger LOG = Logger.getLogger(ControlConnection.class.getName());

    /** Bad frames tolerated before the socket is closed. */
    static final int MAX_BAD_FRAMES = 50;

    private static final AtomicLongFieldUpdater<ControlConnection> SEQ =
            AtomicLongFieldUpdater.newUpdater(ControlConnection.class, "seq");
    private static final AtomicIntegerFieldUpdater<ControlConnection> IN_FLIGHT =
            AtomicIntegerFieldUpdater.newUpdater(ControlConnection.class, "inFlight");
    private static final AtomicIntegerFieldUpdater<ControlConnection> BAD_FRAMES =
            AtomicIntegerFieldUpdater.newUpdater(ControlConnection.class, "badFrames");

    @SuppressWarnings("rawtypes")
    private static final AtomicReferenceFieldUpdater<ControlConnection, Set> WATCHED =
            AtomicReferenceFieldUpdater.newUpdater(ControlConnection.class, Set.class, "watched");

    private final ControlPlane plane;
    private final SocketEndpoint.Outbound out;
    /** The peer's address object, shared with the socket; {@code null} only for an unresolved peer. */
    private final InetAddress peer;
    /** The peer's host when it is unresolved, else empty. */
    private final String unresolvedPeer;

    private volatile long seq;
    private volatile int inFlight;
    private volatile int badFrames;
    private volatile Set<String> watched;
    private volatile Principal principal;
    private volatile long connectedAtMs;
    private long connIdHigh;
    private long connIdLow;
    // The handshake's state: null again once the socket authenticated.
    private volatile String nonce;
    private volatile CountDownLatch challenged = new CountDownLatch(1);
    private volatile CountDownLatch connecting;
    private volatile ScheduledFuture<?> handshakeTimer;

    ControlConnection(ControlPlane plane, SocketEndpoint.Outbound out, InetSocketAddress remote) {
        this.plane = plane;
        this.out = out;
        this.peer = remote.getAddress();
        this.unresolvedPeer = peer == null ? remote.getHostString() : "";
    }

    /**
     * Sends the challenge and arms the handshake timeout; frames that arrive before it went out wait for it. Runs on a
     * thread of its own, never the socket's reader (making the nonce takes the shared secure random's lock).
     */
    void start() {
        CountDownLatch latch = challenged;
        try {
            nonce = UUID.randomUUID().toString();
            ObjectNode challenge =
                    Frames.object().put("nonce", nonce).put("ts", plane.clock().millis());
            out.send(Frames.event("connect.challenge", challenge, 0));
            handshakeTimer = plane.schedule(
                    () -> {
                        if (principal == null) {
                            out.close(1008, "handshake timeout");
                        }
                    },
                    plane.settings().handshakeTimeout());
        } finally {
            latch.countDown();
        }
    }

    @Override
    public int maxMessageBytes() {
        return principal == null ? ControlPlane.PRE_AUTH_MAX_BYTES : ControlPlane.MAX_PAYLOAD_BYTES;
    }

    @Override
    public void onText(String message) {
        if (!out.isOpen()) {
            return; // frames after close are ignored
        }
        CountDownLatch challenge = challenged;
        if (principal == null && challenge != null) {
            awaitQuietly(challenge); // the challenge is always the first frame a client gets
        }
        JsonNode frame;
        try {
            frame = Frames.MAPPER.readTree(message);
        } catch (IOException e) {
            badFrame("invalid frame: malformed JSON");
            return;
        }
        if (frame == null || !frame.isObject()) {
            badFrame("invalid frame: expected a JSON object");
            return;
        }
        String id = frame.path("id").isTextual() ? frame.path("id").asText() : "";
        String method = frame.path("method").isTextual() ? frame.path("method").asText() : "";
        boolean isRequest = "req".equals(frame.path("type").asText()) && !id.isEmpty() && id.length() <= 256;
        CountDownLatch pending = connecting;
        if (pending != null && pending.getCount() > 0) {
            awaitQuietly(pending); // a frame sent right behind connect is handled once the hello went out
        }
        if (principal == null) {
            if (pending != null) {
                return; // the connect failed and closed the socket
            }
            if (!isRequest || !method.equals("connect")) {
                out.close(1008, "invalid handshake: the first frame must be a connect request");
                return;
            }
            // The handshake (token check, store reads for the hello) runs on its own virtual thread: the socket's
            // reader thread then never parks deep inside it, so the stack it keeps while idle stays small.
            JsonNode params = frame.path("params");
            CountDownLatch done = new CountDownLatch(1);
            connecting = done;
            Thread.ofVirtual().name("control-connect").start(() -> {
                try {
                    connect(id, params);
                } finally {
                    done.countDown();
                    if (principal != null) {
                        connecting = null; // authenticated: later frames need not wait for anything
                    }
                }
            });
            return;
        }
        if (!isRequest || method.isEmpty()) {
            badFrame("invalid frame: expected {type:\"req\", id, method, params?}");
            return;
        }
        dispatch(id, method, frame.path("params"));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void connect(String id, JsonNode params) {
        try {
            Handshake.Result result = plane.handshake().check(params, nonce, address());
            UUID uuid = UUID.randomUUID();
            connIdHigh = uuid.getMostSignificantBits();
            connIdLow = uuid.getLeastSignificantBits();
            connectedAtMs = plane.clock().millis();
            principal = result.principal();
            ScheduledFuture<?> timer = handshakeTimer;
            if (timer != null) {
                timer.cancel(false);
            }
            // an idle socket keeps nothing it no longer needs (frames read from now on never look at these)
            handshakeTimer = null;
            nonce = null;
            challenged = null;
            out.send(Frames.ok(id, plane.hello(this, result)));
            plane.opened(this);
        } catch (RpcException e) {
            out.send(Frames.error(id, e));
            out.close(e.closeCode().orElse(1008), truncate(e.getMessage()));
        }
    }

    private void dispatch(String id, String name, JsonNode rawParams) {
        Optional<Method> method = plane.method(name);
        if (method.isEmpty()) {
            send(Frames.error(id, RpcException.invalid("unknown method: " + name)));
            return;
        }
        Method m = method.get();
        if (!principal.has(m.scope())) {
            send(Frames.error(id, missingScope(m.scope())));
            return;
        }
        if (IN_FLIGHT.incrementAndGet(this) > plane.settings().maxInFlight()) {
            IN_FLIGHT.decrementAndGet(this);
            send(Frames.error(
                    id, RpcException.unavailable("too many requests in flight on this connection; retry", 100)));
            return;
        }
        Thread.ofVirtual().name("rpc-" + name).start(() -> {
            try {
                Params params = Params.of(name, rawParams, m.fields());
                JsonNode payload = m.handler().handle(new Call(id, name, this), params);
                if (payload != Call.SENT) {
                    send(Frames.ok(id, payload));
                }
            } catch (RpcException e) {
                send(Frames.error(id, e));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "method " + name + " failed", e);
                send(Frames.error(id, RpcException.unavailable("internal error in " + name + "; retry", 1000)));
            } finally {
                IN_FLIGHT.decrementAndGet(this);
            }
        });
    }

    private RpcException missingScope(String scope) {
        if (principal.protocol() >= 4) {
            ObjectNode details = Frames.object().put("code", "MISSING_SCOPE").put("missingScope", scope);
            details.putArray("requiredScopes").add(scope);
            return new RpcException(
                            RpcException.FORBIDDEN,
                            "missing scope: " + scope,
                            Optional.empty(),
                            java.util.OptionalLong.empty(),
                            java.util.OptionalInt.empty())
                    .withDetails(details);
        }
        return RpcException.invalid("missing scope: " + scope);
    }

    private void badFrame(String message) {
        if (principal == null) {
            out.close(1008, "invalid handshake: " + message);
            return;
        }
        if (BAD_FRAMES.incrementAndGet(this) > MAX_BAD_FRAMES) {
            out.close(1008, "too many invalid frames");
            return;
        }
        send(Frames.error("invalid", RpcException.invalid(message)));
    }

    /** Sends an event with this connection's next sequence number. */
    void event(String name, JsonNode payload) {
        send(Frames.event(name, payload, SEQ.incrementAndGet(this)));
    }

    boolean send(String frame) {
        return out.send(frame);
    }

    void close(int code, String reason) {
        out.close(code, reason);
    }

    @Override
    public void onClose(int code, String reason) {
        ScheduledFuture<?> timer = handshakeTimer;
        if (timer != null) {
            timer.cancel(false);
        }
        plane.closed(this);
    }

    /** Subscribes this connection to a session's chat events. */
    @SuppressWarnings("unchecked")
    void watch(String sessionKey) {
        Set<String> set = watched;
        if (set == null) {
            WATCHED.compareAndSet(this, null, ConcurrentHashMap.newKeySet());
            set = watched;
        }
        if (set.add(sessionKey)) {
            plane.watch(sessionKey, this);
        }
    }

    Set<String> watched() {
        Set<String> set = watched;
        return set == null ? Set.of() : set;
    }

    Principal principal() {
        return principal;
    }

    boolean isOpen() {
        return out.isOpen() && principal != null;
    }

    /** When the handshake completed (ms). */
    long connectedAtMs() {
        return connectedAtMs;
    }

    /** The id the hello announced (a random UUID); only for an authenticated connection. */
    String connId() {
        return new UUID(connIdHigh, connIdLow).toString();
    }

    String address() {
        return peer == null ? unresolvedPeer : peer.getHostAddress();
    }

    private static String truncate(String reason) {
        // a close reason must fit in 123 bytes
        return reason.length() > 120 ? reason.substring(0, 120) : reason;
    }
}
