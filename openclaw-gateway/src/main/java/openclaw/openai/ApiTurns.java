package openclaw.openai;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import openclaw.chat.RunEvent;
import openclaw.chat.RunOutcome;
import openclaw.chat.RunRequest;
import openclaw.sdk.OpenClawException;
import openclaw.session.SessionException;
import openclaw.session.SessionIds;
import openclaw.session.SessionKey;

/**
 * Runs API turns through {@link openclaw.chat.ChatRuns} (one run per session at a time, in arrival order) and picks
 * their sessions: the {@code x-openclaw-session-key} header, else a stable session per {@code user}, else a new
 * session per request, as OpenClaw does.
 */
public final class ApiTurns {

    /** How long a request waits for its turn before it gives up (the run is aborted). */
    static final Duration MAX_WAIT = Duration.ofMinutes(10);

    private static final List<String> RESERVED = List.of("subagent:", "cron:", "acp:");

    private ApiTurns() {}

    /**
     * The session for a request on {@code agentId}.
     *
     * @param header the {@code x-openclaw-session-key} header
     * @param user the body's {@code user}, which gives a stable session
     * @throws ApiError 400 for a reserved or invalid session key
     */
    public static String sessionKey(String agentId, Optional<String> header, Optional<String> user) {
        if (header.isPresent() && !header.get().isBlank()) {
            String key = header.get().strip();
            for (String prefix : RESERVED) {
                if (key.startsWith(prefix)) {
                    throw ApiError.invalid(
                            "x-openclaw-session-key", "Session keys starting with '" + prefix + "' are reserved.");
                }
            }
            try {
                return SessionKey.parse(key).value();
            } catch (SessionException e) {
                throw ApiError.invalid("x-openclaw-session-key", e.getMessage());
            }
        }
        String peer = user.filter(u -> !u.isBlank())
                .map(u -> "user-" + u.strip().replace(':', '_'))
                .orElseGet(() -> "req-" + SessionIds.next()); // time-ordered: cheap index inserts
        try {
            return SessionKey.of(agentId, "openai", peer, Optional.empty()).value();
        } catch (SessionException e) {
            throw ApiError.invalid("user", e.getMessage());
        }
    }

    /** A fresh run id. */
    public static String runId(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * Runs {@code request} to its end; events go to {@code listener} on the run's thread.
     *
     * @throws ApiError 503 while shutting down, 500 when the run did not end in {@link #MAX_WAIT}
     */
    public static RunOutcome run(ApiContext context, RunRequest request, Consumer<RunEvent> listener) {
        CompletableFuture<RunOutcome> done;
        try {
            done = context.runs().startOnce(request, listener);
        } catch (OpenClawException e) {
            throw ApiError.unavailable(e.getMessage());
        }
        return waitFor(context, request, done, MAX_WAIT)
                .orElseThrow(
                        () -> ApiError.server("The turn did not finish within " + MAX_WAIT.toMinutes() + " minutes."));
    }

    /** The outcome within {@code timeout}; the run is aborted when it does not end in time. */
    private static Optional<RunOutcome> waitFor(
            ApiContext context, RunRequest request, CompletableFuture<RunOutcome> done, Duration timeout) {
        try {
            return Optional.of(done.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            context.runs().abort(request.sessionKey(), Optional.of(request.runId()));
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.runs().abort(request.sessionKey(), Optional.of(request.runId()));
            return Optional.empty();
        } catch (ExecutionException e) {
            throw ApiError.server("The turn failed: " + e.getCause().getMessage());
        }
    }

    /**
     * Starts {@code request} and returns its events for streaming on the caller's thread.
     *
     * @throws ApiError 503 while shutting down
     */
    public static Events stream(ApiContext context, RunRequest request) {
        Events events = new Events(context, request);
        try {
            events.done = context.runs().startOnce(request, events.queue::add);
        } catch (OpenClawException e) {
            throw ApiError.unavailable(e.getMessage());
        }
        return events;
    }

    /** The events of a streamed run, in order, ending with {@link RunEvent.Finished}. */
    public static final class Events {
        private final ApiContext context;
        private final RunRequest request;
        private final LinkedBlockingQueue<RunEvent> queue = new LinkedBlockingQueue<>();
        private CompletableFuture<RunOutcome> done = new CompletableFuture<>();

        private Events(ApiContext context, RunRequest request) {
            this.context = context;
            this.request = request;
        }

        /** The next event; a {@link RunEvent.Finished} with an aborted outcome when the wait runs out. */
        public RunEvent next() {
            try {
                RunEvent e = queue.poll(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                if (e != null) {
                    return e;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            abort();
            return waitFor(context, request, done, Duration.ofSeconds(5))
                    .<RunEvent>map(RunEvent.Finished::new)
                    .orElseThrow(() -> ApiError.server("The turn did not finish."));
        }

        /** Stops the run (the client went away). */
        public void abort() {
            context.runs().abort(request.sessionKey(), Optional.of(request.runId()));
        }
    }
}
