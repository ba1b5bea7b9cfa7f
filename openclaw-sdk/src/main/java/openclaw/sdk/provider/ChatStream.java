package openclaw.sdk.provider;

import java.util.Optional;

/**
 * The pull-based events of one model turn. Not thread-safe: one consumer calls {@link #next()} until it returns
 * empty. Holds at most one chunk of the upstream response in memory. Closing cancels the upstream call; it is
 * idempotent and may be called from another thread to abort a turn.
 */
public interface ChatStream extends AutoCloseable {

    /**
     * The next event, blocking until it arrives.
     *
     * @return the next event, or empty once {@link StreamEvent.Finished} has been returned (or after close)
     * @throws ProviderException on an HTTP error, a broken stream or an upstream error event
     */
    Optional<StreamEvent> next();

    /** Cancels the upstream request and releases the connection. */
    @Override
    void close();
}
