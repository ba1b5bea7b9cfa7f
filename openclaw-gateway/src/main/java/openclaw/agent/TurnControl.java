package openclaw.agent;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import openclaw.sdk.provider.ChatStream;

/**
 * Cancels a running turn from another thread: {@link #cancel()} marks the turn and closes the model stream in flight,
 * which aborts the upstream HTTP or WebSocket call. Thread-safe.
 */
public final class TurnControl {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicReference<ChatStream> active = new AtomicReference<>();

    /** Stops the turn as soon as possible. */
    public void cancel() {
        cancelled.set(true);
        ChatStream stream = active.get();
        if (stream != null) {
            stream.close();
        }
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled.get();
    }

    void attach(ChatStream stream) {
        active.set(stream);
        if (cancelled.get()) {
            stream.close();
        }
    }

    void detach() {
        active.set(null);
    }
}
