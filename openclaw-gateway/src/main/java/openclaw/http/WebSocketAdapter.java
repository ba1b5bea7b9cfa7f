package openclaw.http;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Adapts one Helidon WebSocket connection to a {@link SocketEndpoint}: checks the upgrade, joins fragmented text
 * messages up to the handler's size limit (close 1009 beyond it), rejects binary messages (close 1003), sends long
 * messages in 1 KiB fragments, and serialises sends with a lock (never {@code synchronized}, so a blocked write does
 * not pin a carrier thread). Quiet sockets get pings from the {@link SocketKeepalive}.
 */
final class WebSocketAdapter implements WsListener, SocketKeepalive.Pingable {

    private static final Logger LOG = Logger.getLogger(WebSocketAdapter.class.getName());

    /** Largest payload of one outgoing frame: with its header it stays inside Helidon's initial 1 KiB send buffer. */
    static final int MAX_FRAME_PAYLOAD = 1016;

    private static final SocketEndpoint.Upgrade NO_UPGRADE = new SocketEndpoint.Upgrade(Map.of(), "");

    private final SocketEndpoint endpoint;
    private final SocketKeepalive keepalive;
    private final ReentrantLock sendLock = new ReentrantLock();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Set under {@link #sendLock} once the close frame went out: nothing may follow it on the wire. */
    private volatile boolean closeSent;
    /** When the last frame (of any kind) arrived; written by the reader thread only. */
    private volatile long lastReceivedNanos = System.nanoTime();

    private SocketEndpoint.Upgrade upgrade = NO_UPGRADE;
    private SocketEndpoint.Handler handler;
    private WsSession session;
    private StringBuilder partial;
    private int partialBytes;

    WebSocketAdapter(SocketEndpoint endpoint, SocketKeepalive keepalive) {
        this.endpoint = endpoint;
        this.keepalive = keepalive;
    }

    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
        upgrade = upgradeOf(headers);
        Optional<String> refusal = endpoint.refuse(upgrade);
        if (refusal.isPresent()) {
            throw new WsUpgradeException(refusal.get());
        }
        return Optional.empty();
    }

    /** The upgrade request as endpoints see it: header names lower-cased, the first value of each. */
    static SocketEndpoint.Upgrade upgradeOf(Headers headers) {
        Map<String, String> copy = new HashMap<>();
        for (Header h : headers) {
            copy.putIfAbsent(h.name().toLowerCase(Locale.ROOT), h.get());
        }
        return new SocketEndpoint.Upgrade(
                Map.copyOf(copy), headers.first(HeaderNames.HOST).orElse(""));
    }

    @Override
    public void onOpen(WsSession newSession) {
        this.session = newSession;
        WebSocketReadBuffer.shrink(newSession); // before the first WebSocket read on this (the reader) thread
        SocketAddress address = newSession.socketContext().remotePeer().address();
        InetSocketAddress remote =
                address instanceof InetSocketAddress inet ? inet : InetSocketAddress.createUnresolved("unknown", 0);
        handler = endpoint.open(upgrade, remote, new Out());
        upgrade = NO_UPGRADE; // not needed any more: an idle socket should not keep a copy of its request headers
        keepalive.opened(this);
        if (closed.get()) {
            keepalive.closed(this); // the handler closed it while opening
        }
    }

    @Override
    public void onMessage(WsSession s, String text, boolean last) {
        lastReceivedNanos = System.nanoTime();
        int bytes = text.length() > handler.maxMessageBytes() / 3
                ? text.getBytes(StandardCharsets.UTF_8).length
                : text.length(); // a UTF-8 string takes at most three bytes per char: short ones need no count
        if (partial == null && last) {
            if (bytes > handler.maxMessageBytes()) {
                tooBig();
                return;
            }
            handler.onText(text);
            return;
        }
        if (partial == null) {
            partial = new StringBuilder();
            partialBytes = 0;
        }
        partialBytes += bytes;
        if (partialBytes > handler.maxMessageBytes()) {
            partial = null;
            tooBig();
            return;
        }
        partial.append(text);
        if (last) {
            String message = partial.toString();
            partial = null;
            handler.onText(message);
        }
    }

    @Override
    public void onMessage(WsSession s, BufferData buffer, boolean last) {
        lastReceivedNanos = System.nanoTime();
        closeSocket(1003, "binary frames are not supported; send JSON text frames");
    }

    @Override
    public void onPing(WsSession s, BufferData buffer) {
        lastReceivedNanos = System.nanoTime(); // Helidon answers with the pong itself
    }

    @Override
    public void onPong(WsSession s, BufferData buffer) {
        lastReceivedNanos = System.nanoTime();
    }

    @Override
    public long lastReceivedNanos() {
        return lastReceivedNanos;
    }

    /**
     * Sends a ping. A failed write means the connection is gone: Helidon closes idle connections (and its own on
     * shutdown) without telling the listener, so the handler learns of it here, or from its next send.
     */
    @Override
    public void ping() {
        sendLock.lock();
        try {
            if (closed.get() || closeSent) {
                return;
            }
            session.ping(BufferData.empty());
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "ping failed; closing the socket", e);
        } finally {
            sendLock.unlock();
        }
        terminate();
    }

    private void terminate() {
        try {
            session.terminate();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "terminate failed", e);
        }
        finish(1006, "send failed");
    }

    @Override
    public void onClose(WsSession s, int status, String reason) {
        finish(status, reason);
    }

    @Override
    public void onError(WsSession s, Throwable t) {
        LOG.log(Level.FINE, "websocket error", t);
        finish(1011, "error");
    }

    private void tooBig() {
        closeSocket(1009, "message too big (limit " + handler.maxMessageBytes() + " bytes)");
    }

    private void closeSocket(int code, String reason) {
        sendLock.lock();
        try {
            if (!closed.get() && !closeSent) {
                closeSent = true;
                session.close(code, reason);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "close failed", e);
        } finally {
            sendLock.unlock();
        }
        finish(code, reason);
    }

    private void finish(int code, String reason) {
        if (closed.compareAndSet(false, true)) {
            keepalive.closed(this);
            if (handler != null) {
                handler.onClose(code, reason == null ? "" : reason);
            }
        }
    }

    /**
     * Sends a text message in frames of at most {@value #MAX_FRAME_PAYLOAD} bytes. Helidon copies each outgoing frame
     * into a per-socket buffer that starts at 1 KiB and never shrinks, so a single large message (a long history, a
     * big tool result) would otherwise keep its size allocated for the socket's whole life. Peers reassemble the
     * fragments into one message (RFC 6455 section 5.4). Called with the send lock held, so messages never interleave.
     */
    private void sendFragmented(String text) {
        int length = text.length();
        if (length <= MAX_FRAME_PAYLOAD / 3) { // at most three UTF-8 bytes per char: fits in one frame
            session.send(text, true);
            return;
        }
        int start = 0;
        while (start < length) {
            int end = start;
            int bytes = 0;
            while (end < length) {
                char c = text.charAt(end);
                boolean pair = Character.isHighSurrogate(c)
                        && end + 1 < length
                        && Character.isLowSurrogate(text.charAt(end + 1));
                int size = pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
                if (bytes + size > MAX_FRAME_PAYLOAD) {
                    break;
                }
                bytes += size;
                end += pair ? 2 : 1;
            }
            session.send(text.substring(start, end), end == length);
            start = end;
        }
    }

    /** The handler's side of the socket. */
    private final class Out implements SocketEndpoint.Outbound {

        @Override
        public boolean send(String text) {
            sendLock.lock();
            try {
                if (closed.get() || closeSent) {
                    return false;
                }
                sendFragmented(text);
                return true;
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "send failed; closing the socket", e);
            } finally {
                sendLock.unlock();
            }
            terminate();
            return false;
        }

        @Override
        public void close(int code, String reason) {
            closeSocket(code, reason);
        }

        @Override
        public boolean isOpen() {
            return !closed.get() && !closeSent;
        }
    }
}
