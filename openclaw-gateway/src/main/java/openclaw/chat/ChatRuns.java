package openclaw.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * instead of running twice. Runs of one session execute one at a time in arrival order (later ones queue); runs of
 * different sessions run in parallel, each on its own virtual thread. Thread-safe.
 */
public final class ChatRuns implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ChatRuns.class.getName());

    /** How long a finished run's outcome is kept for idempotent replays and {@link #await}. */
    static final int RETAIN_MINUTES = 5;

    private static final int STRIPES = 256;

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
    private final Map<String, ActiveRun> runs = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<ActiveRun> finished = new ConcurrentLinkedQueue<>();
    /** Runs not yet finished, by session: aborts and listings never scan the retained outcomes. */
    private final Map<String, Set<ActiveRun>> unfinished = new ConcurrentHashMap<>();

    private final ReentrantLock[] sessionLocks = new ReentrantLock[STRIPES];
    private volatile boolean closed;

    public ChatRuns(Services services) {
        this.services = services;
        for (int i = 0; i < STRIPES; i++) {
            sessionLocks[i] = new ReentrantLock(true);
        }
    }

    /**
     * Starts {@code request} unless a run with its id exists. Events go to {@code listener} on the run's thread; a
     * failing listener is logged and never stops the run.
     *
     * @throws OpenClawException when the service is shutting down
     */
    public Start start(RunRequest request, Consumer<RunEvent> listener) {
        if (closed) {
            throw new OpenClawException("the gateway is shutting down; retry against another instance");
        }
        prune();
        ActiveRun fresh = new ActiveRun(request, services.clock().millis());
        ActiveRun existing = runs.putIfAbsent(request.runId(), fresh);
        if (existing != null) {
            return existing.outcomeNow()
                    .<Start>map(o -> new Start.Finished(request.runId(), o))
                    .orElse(new Start.InFlight(request.runId()));
        }
        unfinished.compute(request.sessionKey(), (k, set) -> {
            Set<ActiveRun> runsOfSession = set == null ? ConcurrentHashMap.newKeySet() : set;
            runsOfSession.add(fresh); // inside compute: atomic with the removal of an emptied set in finish
            return runsOfSession;
        });
        Consumer<RunEvent> safe = event -> {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "run listener failed for " + request.runId(), e);
            }
        };
        Thread.ofVirtual().name("run-", 0).start(() -> execute(fresh, safe));
        return new Start.Started(request.runId());
    }

    /**
     * Aborts the session's runs (only {@code runId} when given), running or queued.
     *
     * @return the ids of the runs that were still active
     */
    public List<String> abort(String sessionKey, Optional<String> runId) {
        List<String> aborted = new ArrayList<>();
        for (ActiveRun run : unfinished.getOrDefault(sessionKey, Set.of())) {
            if (runId.map(id -> id.equals(run.request().runId())).orElse(true)) {
                run.control().cancel();
                aborted.add(run.request().runId());
            }
        }
        return aborted;
    }

    /** Ids of the runs not yet finished for a session, oldest first. */
    public List<String> active(String sessionKey) {
        return unfinished.getOrDefault(sessionKey, Set.of()).stream()
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
        List<ActiveRun> active =
                unfinished.values().stream().flatMap(Set::stream).toList();
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

    private void execute(ActiveRun run, Consumer<RunEvent> listener) {
        RunOutcome outcome;
        ReentrantLock lock =
                sessionLocks[Math.floorMod(run.request().sessionKey().hashCode(), STRIPES)];
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish(run, RunExecution.aborted(run.request(), "", services.clock().millis()), listener);
            return;
        }
        try {
            outcome = new RunExecution(services, run.request(), run.control(), listener).call();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "run " + run.request().runId() + " failed unexpectedly", e);
            outcome = RunExecution.failed(run.request(), "", "internal error: " + e.getMessage(), services.clock());
        } finally {
            lock.unlock();
        }
        finish(run, outcome, listener);
    }

    private void finish(ActiveRun run, RunOutcome outcome, Consumer<RunEvent> listener) {
        run.done().complete(outcome);
        unfinished.computeIfPresent(run.request().sessionKey(), (k, set) -> {
            set.remove(run);
            return set.isEmpty() ? null : set;
        });
        finished.add(run);
        listener.accept(new RunEvent.Finished(outcome));
    }

    /** Forgets runs that ended more than the retention time ago. */
    private void prune() {
        long cutoff = services.clock().millis() - TimeUnit.MINUTES.toMillis(RETAIN_MINUTES);
        for (ActiveRun head = finished.peek();
                head != null
                        && head.outcomeNow().map(o -> o.endedAtMs() < cutoff).orElse(false);
                head = finished.peek()) {
            finished.poll();
            runs.remove(head.request().runId(), head);
        }
    }
}
