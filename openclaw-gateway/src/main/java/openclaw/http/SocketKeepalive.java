package openclaw.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Server pings for every open WebSocket (control plane and Responses sockets), sent only to sockets that have been
 * quiet: one that received any frame within {@link Policy#pingWhenQuietFor()} has shown it is alive and is left
 * alone. A quiet peer must answer with a pong (RFC 6455 section 5.5.2); the pong is a received frame, so a socket that
 * answers is never closed by the listener's idle timeout ({@link Policy#idleTimeout()}), and one whose peer vanished or
 * stopped answering is closed by it a few minutes later. That is the whole liveness check: pongs need no bookkeeping.
 *
 * <p>Why not a ping per socket every 30 s: a pong wakes the socket's parked reader, a virtual thread whose saved stack
 * then moves to a new chunk and leaves the old one as old-generation garbage (about 1 KiB per socket and pong). At
 * 10,000 idle sockets pings at the tick's rate cost 10 MiB every 30 s; quiet-only pings every few minutes cost a fifth
 * of that, which {@code HeapReclaimer} returns. Pings run on virtual threads, one per socket, so a peer whose TCP
 * window is full delays only its own ping. Thread-safe.
 */
final class SocketKeepalive implements AutoCloseable {

    /** Pings started before the round lets them run. */
    private static final int BATCH = 64;

    /**
     * When to ping and when the listener gives up on a connection.
     *
     * @param pingWhenQuietFor a socket that received nothing for this long gets a ping
     * @param checkEvery how often sockets are looked at, for pings and for the idle timeout
     * @param idleTimeout the listener closes a connection that received nothing for this long (Helidon's idle check;
     *     plain HTTP keep-alive connections too)
     */
    record Policy(Duration pingWhenQuietFor, Duration checkEvery, Duration idleTimeout) {

        /** Pings after 2 quiet minutes, checked every 30 s; connections close after 5 minutes without a frame. */
        static final Policy DEFAULT = new Policy(Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofMinutes(5));

        Policy {
            Objects.requireNonNull(pingWhenQuietFor, "pingWhenQuietFor");
            Objects.requireNonNull(checkEvery, "checkEvery");
            Objects.requireNonNull(idleTimeout, "idleTimeout");
            if (pingWhenQuietFor.plus(checkEvery).compareTo(idleTimeout) >= 0) {
                throw new IllegalArgumentException("a quiet socket must be pinged before the idle timeout closes it");
            }
        }
    }

    /** What the keepalive needs of a socket. */
    interface Pingable {

        /** {@link System#nanoTime()} when the socket last received a frame (or opened). */
        long lastReceivedNanos();

        /** Sends a ping unless the socket is closed; never throws. */
        void ping();
    }

    private final Policy policy;
    private final Set<Pingable> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;

    SocketKeepalive(Policy policy) {
        this.policy = policy;
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("ws-keepalive").daemon().factory());
        long every = policy.checkEvery().toMillis();
        timer.scheduleAtFixedRate(this::round, every, every, TimeUnit.MILLISECONDS);
    }

    void opened(Pingable socket) {
        open.add(socket);
    }

    void closed(Pingable socket) {
        open.remove(socket);
    }

    /** Open sockets (for tests and status). */
    int openSockets() {
        return open.size();
    }

    private void round() {
        if (open.isEmpty()) {
            return;
        }
        long quietNanos = policy.pingWhenQuietFor().toNanos();
        Thread.ofVirtual().name("ws-pings").start(() -> {
            long now = System.nanoTime();
            int started = 0;
            for (Pingable socket : open) {
                if (now - socket.lastReceivedNanos() < quietNanos) {
                    continue;
                }
                Thread.ofVirtual().start(socket::ping);
                if (++started % BATCH == 0) {
                    Thread.yield();
                }
            }
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
        open.clear();
    }
}
