package openclaw.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import openclaw.agent.AgentRunner;
import openclaw.agent.AgentSpec;
import openclaw.sdk.OpenClawException;

/**
 * Starts and tracks chat runs. A run id is the caller's idempotency key: starting it again while it runs reports
 * {@link Start.InFlight}, and for {@value #RETAIN_MINUTES} minutes after it ended returns the finished outcome
 * instead of running twice. The outcomes kept for that are bounded ({@link Retention#DEFAULT}: the
 * {@value #MAX_RETAINED_RUNS} most recent runs and {@value #MAX_RETAINED_CHARS} characters of their messages and
 * answers), so at thousands of turns per second the window shrinks instead of memory growing; OpenClaw's own dedupe
 * cache is capped the same way. A run forgotten early is unknown to {@link #await} and runs again if restarted. Runs of
 * one session execute one at a time in arrival order (later ones queue); runs of different sessions run in parallel,
 * each on its own virtual thread. Thread-safe.
 */
public final class ChatRuns implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ChatRuns.class.getName());

    /** How long a finished run's outcome is kept for idempotent replays and {@link #await}. */
    static final int RETAIN_MINUTES = 5;

    /** At most this many finished runs are kept, the most recent ones. */
    static final int MAX_RETAINED_RUNS = 10_000;

    /** At most this many characters of kept runs' messages, answers and errors (about 16 to 32 MB). */
    static final long MAX_RETAINED_CHARS = 16L << 20;

    /**
     * Which finished runs are kept: those that ended within {@code time}, and of those at most the {@code maxRuns}
     * most recent ones holding at most {@code maxChars} characters of text in all.
     */
    record Retention(Duration time, int maxRuns, long maxChars) {

        static final Retention DEFAULT =
                new Retention(Duration.ofMinutes(RETAIN_MINUTES), MAX_RETAINED_RUNS, MAX_RETAINED_CHARS);

        Retention {
            Objects.requireNonNull(time, "time");
        }
    }

    /** What runs need. */
    public record Services(
            Supplier<AgentRunner> runner, Supplier<Map<String, AgentSpec>> agents, SessionHooks sessions, Clock clock) {

        public Services {
            Objects.requireNonNull(runner, "runner");
            Objects.requireNonNull(agents, "agents");
            Objects.requireNonNull(sessions, "sessions");
            Objects.requireNonNull(clock, "clock");
        }
    }

    /** The answer to {@link #start}. */
    public sealed interface Start {

        /** The run id. */
        String runId();

        /** A new run was started. */
        record Started(String runId) implements Start {}

        /** A run with this id is already running. */
        record InFlight(String runId) implements Start {}

        /** A run with this id already finished; nothing was run again. */
        record Finished(String runId, RunOutcome outcome) implements Start {}
    }

    private final Services services;
    private final Retention retention;
    private final Map<String, ActiveRun> runs = new ConcurrentHashMap<>();
    /** Finished runs still known, oldest first, with their count and text size. */
    private final ConcurrentLinkedQueue<ActiveRun> finished = new ConcurrentLinkedQueue<>();

    private final AtomicInteger retainedRuns = new AtomicInteger();
    private final AtomicLong retainedChars = new AtomicLong();
    private final ReentrantLock pruning = new ReentrantLock();
    /**
     * Runs not yet finished, by session, in arrival order; the first one is running and each one starts the next when
     * it ends. So aborts and listings never scan the retained outcomes, and a run waits only for runs of its own
     * session (hashed lock stripes made about 1 turn in 5 wait for an unrelated one at 64 concurrent turns). A queue is
     * changed only inside the map's {@code compute} for its key and exists while its session has unfinished runs.
     */
    private final Map<String, ConcurrentLinkedDeque<Queued>> unfinished = new ConcurrentHashMap<>();

    private volatile boolean closed;

    /** A run waiting for (or holding) its session's turn, with the listener it was started with. */
    private record Queued(ActiveRun run, Consumer<RunEvent> listener) {}

    public ChatRuns(Services services) {
        this(services, Retention.DEFAULT);
    }

    ChatRuns(Services services, Retention retention) {
        this.services = services;
        this.retention = retention;
    }

    /**
     * Starts {@code request} unless a run with its id exists. Events go to {@code listener} on the run's thread; a
     * failing listener is logged and never stops the run.
     *
     * @throws OpenClawException when the service is shutting down
     */
    public Start start(RunRequest request, Consumer<RunEvent> listener) {
        ActiveRun fresh = new ActiveRun(request, services.clock().millis(), true);
        ActiveRun existing = begin(fresh, listener);
        if (existing != fresh) {
            return existing.outcomeNow()
                    .<Start>map(o -> new Start.Finished(request.runId(), o))
                    .orElse(new Start.InFlight(request.runId()));
        }
        return new Start.Started(request.runId());
    }

    /**
     * Starts a run whose outcome is not kept once it ended, for callers that wait on the returned future themselves
     * and never start the same run id twice (the HTTP APIs, whose run ids are random). Keeping such outcomes for
     * replays would only turn every finished turn into medium-lived garbage.
     *
     * @throws OpenClawException when the service is shutting down, or a run with this id exists
     */
    public CompletableFuture<RunOutcome> startOnce(RunRequest request, Consumer<RunEvent> listener) {
        ActiveRun fresh = new ActiveRun(request, services.clock().millis(), false);
        if (begin(fresh, listener) != fresh) {
            throw new OpenClawException("a run with id " + request.runId() + " already exists");
        }
        return fresh.done();
    }

    /** Registers and starts {@code fresh}, or returns the run that already has its id. */
    private ActiveRun begin(ActiveRun fresh, Consumer<RunEvent> listener) {
        if (closed) {
            throw new OpenClawException("the gateway is shutting down; retry against another instance");
        }
        prune();
        RunRequest request = fresh.request();
        ActiveRun existing = runs.putIfAbsent(request.runId(), fresh);
        if (existing != null) {
            return existing;
        }
        Consumer<RunEvent> safe = event -> {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "run listener failed for " + request.runId(), e);
            }
        };
        Queued queued = new Queued(fresh, safe);
        // decided inside compute: once it returns, a run ahead of this one may end and launch this one itself
        boolean[] first = new boolean[1];
        unfinished.compute(request.sessionKey(), (k, queue) -> {
            ConcurrentLinkedDeque<Queued> q = queue == null ? new ConcurrentLinkedDeque<>() : queue;
            first[0] = q.isEmpty();
            q.addLast(queued);
            return q;
        });
        if (first[0]) {
            launch(queued);
        }
        return fresh;
    }

    /**
     * Aborts the session's runs (only {@code runId} when given), running or queued.
     *
     * @return the ids of the runs that were still active
     */
    public List<String> abort(String sessionKey, Optional<String> runId) {
        List<String> aborted = new ArrayList<>();
        for (ActiveRun run : runsOf(sessionKey)) {
            if (runId.map(id -> id.equals(run.request().runId())).orElse(true)) {
                run.control().cancel();
                aborted.add(run.request().runId());
            }
        }
        return aborted;
    }

    /** Ids of the runs not yet finished for a session, oldest first. */
    public List<String> active(String sessionKey) {
        return runsOf(sessionKey).stream()
                .sorted(java.util.Comparator.comparingLong(ActiveRun::acceptedAtMs))
                .map(r -> r.request().runId())
                .toList();
    }

    /** Whether a run with this id is running or finished within the retention time. */
    public boolean known(String runId) {
        return runs.containsKey(runId);
    }

    /**
     * Waits up to {@code timeout} for a run to end.
     *
     * @return the outcome, or empty when the run is still going after the timeout
     * @throws OpenClawException for an unknown run id
     */
    public Optional<RunOutcome> await(String runId, Duration timeout) {
        ActiveRun run = runs.get(runId);
        if (run == null) {
            throw new OpenClawException("unknown run " + runId);
        }
        try {
            return Optional.of(run.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new OpenClawException("run " + runId + " failed: " + e.getCause(), e.getCause());
        }
    }

    /** Aborts every active run and waits up to {@code grace} for them to end; later starts are refused. */
    public void shutdown(Duration grace) {
        closed = true;
        List<ActiveRun> active = unfinished.values().stream()
                .flatMap(q -> q.stream().map(Queued::run))
                .toList();
        active.forEach(r -> r.control().cancel());
        long deadline = System.nanoTime() + grace.toNanos();
        for (ActiveRun r : active) {
            try {
                r.done().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                LOG.log(Level.FINE, "run did not end in time: " + r.request().runId(), e);
            }
        }
    }

    @Override
    public void close() {
        shutdown(Duration.ofSeconds(5));
    }

    private List<ActiveRun> runsOf(String sessionKey) {
        ConcurrentLinkedDeque<Queued> queue = unfinished.get(sessionKey);
        return queue == null ? List.of() : queue.stream().map(Queued::run).toList();
    }

    /** Runs {@code queued} on a virtual thread of its own; it is at the head of its session's queue. */
    private void launch(Queued queued) {
        Thread.ofVirtual().name("run-", 0).start(() -> execute(queued.run(), queued.listener()));
    }

    private void execute(ActiveRun run, Consumer<RunEvent> listener) {
        RunOutcome outcome;
        try {
            outcome = new RunExecution(services, run.request(), run.control(), listener).call();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "run " + run.request().runId() + " failed unexpectedly", e);
            outcome = RunExecution.failed(run.request(), "", "internal error: " + e.getMessage(), services.clock());
        }
        finish(run, outcome, listener);
    }

    private void finish(ActiveRun run, RunOutcome outcome, Consumer<RunEvent> listener) {
        run.done().complete(outcome);
        Queued[] next = new Queued[1];
        unfinished.computeIfPresent(run.request().sessionKey(), (k, queue) -> {
            queue.removeIf(q -> q.run() == run); // the head: this run
            next[0] = queue.peekFirst();
            return queue.isEmpty() ? null : queue;
        });
        try {
            keep(run, outcome);
            listener.accept(new RunEvent.Finished(outcome));
        } finally {
            if (next[0] != null) {
                launch(next[0]); // after this run's Finished event, so a session's events stay in run order
            }
        }
    }

    /** Keeps a finished run's outcome for replays, or forgets the run at once. */
    private void keep(ActiveRun run, RunOutcome outcome) {
        if (run.retained()) {
            finished.add(run);
            retainedRuns.incrementAndGet();
            retainedChars.addAndGet(chars(run, outcome));
            prune();
        } else {
            runs.remove(run.request().runId(), run);
        }
    }

    /** Finished runs currently kept. */
    int retained() {
        return retainedRuns.get();
    }

    /**
     * Forgets finished runs, oldest first, while the oldest ended more than the retention time ago or more runs or
     * text than allowed are kept. One thread prunes at a time; another one finding the lock taken leaves its run to
     * the pruning thread, which checks the limits again after unlocking, so no run is left over the cap.
     */
    private void prune() {
        do {
            if (!pruning.tryLock()) {
                return;
            }
            try {
                long cutoff = services.clock().millis() - retention.time().toMillis();
                for (ActiveRun head = finished.peek(); head != null && expired(head, cutoff); head = finished.peek()) {
                    finished.poll();
                    runs.remove(head.request().runId(), head);
                    retainedRuns.decrementAndGet();
                    retainedChars.addAndGet(-chars(head, head.outcomeNow().orElseThrow()));
                }
            } finally {
                pruning.unlock();
            }
        } while (retainedRuns.get() > retention.maxRuns() || retainedChars.get() > retention.maxChars());
    }

    private boolean expired(ActiveRun run, long cutoff) {
        return retainedRuns.get() > retention.maxRuns()
                || retainedChars.get() > retention.maxChars()
                || run.outcomeNow().orElseThrow().endedAtMs() < cutoff;
    }

    /** The text a kept run holds on to: its message, its answer and its error. */
    private static long chars(ActiveRun run, RunOutcome outcome) {
        return (long) run.request().message().length()
                + outcome.text().length()
                + outcome.error().map(String::length).orElse(0);
    }
}
