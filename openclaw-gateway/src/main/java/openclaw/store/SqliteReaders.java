package openclaw.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;

/**
 * A small pool of read-only SQLite connections, each with its prepared statements ({@link ConnectionLease}). In WAL
 * mode a reader never waits for the writer and sees every transaction committed before its statement started; the
 * statement helpers close each result set, which ends the implicit read transaction, so no reader pins an old
 * snapshot. Connections open on first use (start-up does not pay for them), at most {@code size}; the most recently
 * returned one is lent first, so a light load keeps one connection's cache warm. Callers beyond {@code size} wait
 * (parking, so virtual threads stay unpinned). {@link #paused} holds reads back for a moment of maintenance. Owned and
 * closed by {@link JdbcStore}; thread-safe.
 */
final class SqliteReaders implements Jdbc.Access, AutoCloseable {

    private static final long WAIT_MILLIS = 30_000;

    private final DataSource driver;
    private final int size;
    private final LinkedBlockingDeque<Reader> idle = new LinkedBlockingDeque<>();
    private final AtomicInteger opened = new AtomicInteger();
    /** Reads hold it shared; {@link #paused} holds it exclusively (a waiting pause keeps new reads back). */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();

    private volatile boolean closed;

    private record Reader(Connection connection, ConnectionLease lease) {
        void close() {
            lease.close();
            try {
                connection.close();
            } catch (SQLException e) {
                // a read-only connection has nothing to lose
            }
        }
    }

    /** Readers over {@code driver}, which must open read-only connections. */
    SqliteReaders(DataSource driver, int size) {
        this.driver = driver;
        this.size = size;
    }

    @Override
    public <T> T run(Jdbc.Work<T> work) throws SQLException {
        gate.readLock().lock();
        try {
            Reader reader = borrow();
            try {
                return work.run(reader.lease());
            } finally {
                giveBack(reader);
            }
        } finally {
            gate.readLock().unlock();
        }
    }

    /** Work done while reads are paused. */
    @FunctionalInterface
    interface Pause<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code work} once the reads in progress ended, keeping new ones waiting until it returns: no connection of
     * this pool then holds a read snapshot. Meant for a few milliseconds of maintenance
     * ({@link WalCheckpointer#restart} waits for readers to leave the log, and would otherwise sleep in SQLite's busy
     * handler).
     */
    <T> T paused(Pause<T> work) throws SQLException {
        gate.writeLock().lock();
        try {
            return work.run();
        } finally {
            gate.writeLock().unlock();
        }
    }

    /** Connections opened and not yet closed. */
    int opened() {
        return opened.get();
    }

    /** Closes idle connections now and busy ones when they come back; later reads fail. */
    @Override
    public void close() {
        closed = true;
        for (Reader r = idle.pollFirst(); r != null; r = idle.pollFirst()) {
            r.close();
        }
    }

    private Reader borrow() throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (true) {
            checkOpen();
            Reader reader = idle.pollFirst();
            if (reader == null && opened.incrementAndGet() <= size) {
                return open();
            }
            if (reader == null) {
                opened.decrementAndGet();
                // short waits: a connection discarded meanwhile frees a slot that no returning reader announces
                reader = pollFor(Math.min(100, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
            if (reader != null) {
                if (closed) {
                    discard(reader);
                    checkOpen();
                }
                return reader;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new SQLException("no read connection became free within " + WAIT_MILLIS + " ms");
            }
        }
    }

    private Reader open() throws SQLException {
        try {
            Connection c = driver.getConnection();
            return new Reader(c, ConnectionLease.caching(c));
        } catch (SQLException | RuntimeException e) {
            opened.decrementAndGet();
            throw e;
        }
    }

    private Reader pollFor(long millis) throws SQLException {
        try {
            return idle.pollFirst(Math.max(0, millis), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a read connection", e);
        }
    }

    private void giveBack(Reader reader) {
        if (closed || isBroken(reader)) {
            discard(reader);
            return;
        }
        idle.offerFirst(reader);
        if (closed && idle.remove(reader)) {
            discard(reader); // close() ran while this one was being returned
        }
    }

    private void discard(Reader reader) {
        reader.close();
        opened.decrementAndGet();
    }

    private static boolean isBroken(Reader reader) {
        try {
            return reader.connection().isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLException("the store is closed");
        }
    }
}
