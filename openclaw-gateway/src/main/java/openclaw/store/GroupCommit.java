package openclaw.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Group commit for SQLite's single writer: every write transaction of the process is handed to one writer thread,
 * which runs all units waiting at that moment (up to {@value #MAX_BATCH}) inside one {@code BEGIN IMMEDIATE} ...
 * {@code COMMIT}, each unit inside its own {@code SAVEPOINT}. One unit failing rolls back to its savepoint, so only its
 * own work is undone; the batch pays one commit, hence one fsync with {@code synchronous=FULL}. A caller is released
 * only after the batch's {@code COMMIT} returned, so an acknowledged write is as durable as with a commit per
 * transaction; if the commit itself fails, every unit of the batch fails and nothing of it was written.
 *
 * <p>Units run in arrival order and each sees the effects of the units before it, so per-session seq assignment stays
 * gap-free. Batches form naturally: while one commits (an fsync, about a millisecond), the next callers queue. The
 * writer is a platform thread because the SQLite driver's fsync is a native call that would pin a virtual thread's
 * carrier; callers wait by parking, so virtual threads stay unpinned. Units must not start another transaction (the
 * writer would wait for itself): that fails at once. Owned and closed by {@link JdbcStore}; thread-safe.
 */
final class GroupCommit implements Jdbc.Access, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

    /** The most units in one transaction; bounds how long a batch holds the write lock. */
    static final int MAX_BATCH = 256;

    private final DataSource writer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition queued = lock.newCondition();
    private final ArrayDeque<Unit<?>> queue = new ArrayDeque<>();
    private final Thread thread;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong units = new AtomicLong();
    private boolean closed;
    /** Work for the writer's connection between two batches ({@link #between}); guarded by {@code lock}. */
    private Optional<Jdbc.Work<?>> chore = Optional.empty();
    /** The writer thread's statements, on the physical connection they were prepared on; only that thread uses it. */
    private Optional<ConnectionLease> lease = Optional.empty();

    GroupCommit(DataSource writer, String name) {
        this.writer = writer;
        this.thread = Thread.ofPlatform().name(name).daemon().start(this::loop);
    }

    /**
     * Runs {@code work} in the next batch and returns its result once the batch committed.
     *
     * @throws SQLException what {@code work} threw, or why the batch could not commit
     */
    @Override
    public <T> T run(Jdbc.Work<T> work) throws SQLException {
        return start(work).await();
    }

    /**
     * Queues {@code work} for the next batch and returns at once. Units commit in the order they were queued, so this
     * one is committed no later than any unit queued after it. Only the calling thread may await it.
     *
     * @throws SQLException when the store is closed
     */
    @Override
    public <T> Jdbc.Pending<T> start(Jdbc.Work<T> work) throws SQLException {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("a write unit must not start another transaction");
        }
        Unit<T> unit = new Unit<>(work);
        lock.lock();
        try {
            if (closed) {
                throw new SQLException("the store is closed");
            }
            queue.add(unit);
            queued.signal();
        } finally {
            lock.unlock();
        }
        return unit;
    }

    /**
     * Runs {@code work} on the writer's connection before the next batch, outside any transaction, and returns at once;
     * a request made before the previous one ran replaces it. For maintenance that must not race the writer (a WAL
     * restart). Its failure is logged, never thrown; units queued meanwhile wait for it.
     */
    void between(Jdbc.Work<?> work) {
        lock.lock();
        try {
            chore = Optional.of(work);
            queued.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Committed batches so far. */
    long batches() {
        return batches.get();
    }

    /** Units committed so far (a unit that failed and was rolled back to its savepoint is not counted). */
    long units() {
        return units.get();
    }

    /** Units waiting for the writer. */
    int pending() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Refuses new units, lets the writer finish the queued ones and waits up to 10 s for it to stop. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            queued.signal();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        List<Unit<?>> batch = new ArrayList<>(MAX_BATCH);
        for (Optional<Jdbc.Work<?>> work = next(batch); work.isPresent() || !batch.isEmpty(); work = next(batch)) {
            work.ifPresent(this::runChore);
            if (batch.isEmpty()) {
                continue;
            }
            try {
                commit(batch);
            } catch (SQLException | RuntimeException | Error e) {
                // the batch is lost (rolled back): no unit of it may report success
                batch.forEach(u -> u.failed(e));
            }
            batch.forEach(Unit::release);
            batch.clear();
        }
        lease.ifPresent(ConnectionLease::close);
    }

    /**
     * Waits for work, moves up to {@value #MAX_BATCH} queued units into {@code batch} and takes the pending chore;
     * returns no chore and an empty batch once closed and drained.
     */
    private Optional<Jdbc.Work<?>> next(List<Unit<?>> batch) {
        lock.lock();
        try {
            while (queue.isEmpty() && chore.isEmpty() && !closed) {
                queued.awaitUninterruptibly();
            }
            while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
                batch.add(queue.poll());
            }
            Optional<Jdbc.Work<?>> work = chore;
            chore = Optional.empty();
            return work;
        } finally {
            lock.unlock();
        }
    }

    private void runChore(Jdbc.Work<?> work) {
        try (Connection pooled = writer.getConnection()) {
            work.run(leaseFor(pooled.unwrap(Connection.class)));
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "writer maintenance failed; writes go on", e);
        }
    }

    private void commit(List<Unit<?>> batch) throws SQLException {
        try (Connection pooled = writer.getConnection()) {
            ConnectionLease c = leaseFor(pooled.unwrap(Connection.class));
            // The connection stays in auto-commit mode as far as JDBC knows; the transaction is driven by hand so the
            // driver adds no BEGIN/COMMIT of its own around the savepoints.
            Jdbc.execute(c, "BEGIN IMMEDIATE");
            boolean committed = false;
            try {
                int succeeded = 0;
                for (Unit<?> unit : batch) {
                    succeeded += unit.runIn(c) ? 1 : 0;
                }
                Jdbc.execute(c, "COMMIT");
                committed = true;
                batches.incrementAndGet();
                units.addAndGet(succeeded);
            } finally {
                if (!committed) {
                    rollback(c);
                }
            }
        }
    }

    /**
     * The lease of the writer's physical connection, whose statements outlive each pool borrow; rebuilt when the pool
     * replaced the connection. Only the writer thread calls this.
     */
    private ConnectionLease leaseFor(Connection physical) {
        if (lease.isEmpty() || lease.get().connection() != physical) {
            lease.ifPresent(ConnectionLease::close);
            lease = Optional.of(ConnectionLease.caching(physical));
        }
        return lease.orElseThrow();
    }

    private static void rollback(ConnectionLease c) {
        try {
            Jdbc.execute(c, "ROLLBACK");
        } catch (SQLException e) {
            // SQLite already rolled back (e.g. after an I/O error); the batch is reported failed either way
        }
    }

    /** One caller's transaction: its work, its outcome, and the caller parked until the outcome is known. */
    private static final class Unit<T> implements Jdbc.Pending<T> {
        private final Jdbc.Work<T> work;
        private final Thread caller = Thread.currentThread();
        private T result;
        private Throwable failure;
        private volatile boolean done;

        Unit(Jdbc.Work<T> work) {
            this.work = work;
        }

        /** Runs the work inside a savepoint; a failure undoes only this unit. True when the work succeeded. */
        boolean runIn(ConnectionLease c) throws SQLException {
            Jdbc.execute(c, "SAVEPOINT unit");
            try {
                result = work.run(c);
                Jdbc.execute(c, "RELEASE unit");
                return true;
            } catch (SQLException | RuntimeException | Error e) {
                failure = e;
                // rolling back to the savepoint and releasing it leaves the batch's transaction as it was before
                Jdbc.execute(c, "ROLLBACK TO unit");
                Jdbc.execute(c, "RELEASE unit");
                return false;
            }
        }

        void failed(Throwable batchFailure) {
            if (failure == null) {
                failure = batchFailure;
            }
        }

        void release() {
            done = true; // publishes result and failure to the caller
            LockSupport.unpark(caller);
        }

        /** Parks until the batch ended; an interrupt is kept for later, the outcome must be known first. */
        @Override
        public T await() throws SQLException {
            boolean interrupted = false;
            while (!done) {
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return switch (failure) {
                case null -> result;
                case SQLException e -> throw e;
                case RuntimeException e -> throw e;
                case Error e -> throw e;
                default -> throw new SQLException(failure);
            };
        }
    }
}
