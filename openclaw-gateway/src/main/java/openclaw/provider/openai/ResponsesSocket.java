package openclaw.provider.openai;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import openclaw.provider.ProviderErrors;
import openclaw.sdk.provider.ProviderException;

/**
 * One Responses WebSocket-mode connection ({@code java.net.http.WebSocket}) and the queue of what arrived on it:
 * complete text messages (fragments with {@code last=false} are assembled first), the close, or the failure. The JDK
 * calls the listener methods one at a time; the owning turn polls the queue. {@link #abort()} may be called from any
 * thread and wakes a blocked poll.
 */
final class ResponsesSocket implements WebSocket.Listener {

    /** Servers end a connection after 60 minutes; rotate a little earlier so a turn never starts on a dying one. */
    static final Duration MAX_AGE = Duration.ofMinutes(55);

    /** What the connection delivered. */
    sealed interface Frame {
        /** A complete text message: one bare event JSON. */
        record Text(String json) implements Frame {}

        /** The connection ended (close frame, drop, or abort). */
        record Ended(String why) implements Frame {}
    }

    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final Instant openedAt;
    private volatile WebSocket socket;
    private final AtomicBoolean ended = new AtomicBoolean();

    private ResponsesSocket(Instant openedAt) {
        this.openedAt = openedAt;
    }

    /**
     * Opens a socket to {@code uri} with the API key.
     *
     * @throws ProviderException for a refused upgrade (with its HTTP status) or an unreachable server (retryable)
     */
    static ResponsesSocket open(String provider, HttpClient client, URI uri, String apiKey, Clock clock) {
        ResponsesSocket listener = new ResponsesSocket(clock.instant());
        var pending = client.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + apiKey)
                .header("OpenAI-Beta", "responses-websocket=v1")
                .buildAsync(uri, listener);
        try {
            listener.socket = pending.get(20, TimeUnit.SECONDS);
            return listener;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                HttpResponse<?> response = refused.getResponse();
                Object body = response.body();
                throw ProviderErrors.fromResponse(
                        provider,
                        response.statusCode(),
                        response.headers(),
                        "websocket_upgrade_refused",
                        body instanceof String text ? text : "");
            }
            throw ProviderException.transport(provider + " WebSocket could not be opened: " + e.getCause(), e);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw ProviderException.transport(provider + " WebSocket upgrade timed out", e);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw ProviderException.transport(provider + " WebSocket upgrade interrupted", e);
        }
    }

    /** True while the socket is open and younger than {@link #MAX_AGE}. */
    boolean usable(Instant now) {
        return !ended.get() && Duration.between(openedAt, now).compareTo(MAX_AGE) < 0;
    }

    /**
     * Sends one text message and waits until it was written.
     *
     * @throws ProviderException (retryable) when the socket is gone
     */
    void send(String provider, String json) {
        try {
            socket.sendText(json, true).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            abort();
            throw ProviderException.transport(provider + " WebSocket send failed: " + e, e);
        } catch (InterruptedException e) {
            abort();
            Thread.currentThread().interrupt();
            throw ProviderException.transport(provider + " WebSocket send interrupted", e);
        }
    }

    /** The next frame, empty when none arrived within {@code timeout}. */
    Optional<Frame> poll(Duration timeout) {
        try {
            return Optional.ofNullable(frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new Frame.Ended("interrupted"));
        }
    }

    /** Drops the connection at once (a half-read response must never leak into a later turn). */
    void abort() {
        markEnded("aborted");
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    /** Starts a normal close (status 1000); used for per-turn sockets after their response. */
    void closeNormally() {
        markEnded("closed by client");
        WebSocket ws = socket;
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").whenComplete((w, e) -> ws.abort());
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(new Frame.Text(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        webSocket.request(1); // the protocol has no binary frames: ignore them
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        markEnded("closed by server (" + statusCode + (reason.isEmpty() ? "" : " " + reason) + ")");
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        markEnded("failed: " + error);
    }

    private void markEnded(String why) {
        if (ended.compareAndSet(false, true)) {
            frames.add(new Frame.Ended(why));
        }
    }
}
