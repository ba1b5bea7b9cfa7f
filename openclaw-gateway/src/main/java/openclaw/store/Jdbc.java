package openclaw.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The small JDBC helper the stores share: runs reads in autocommit mode and writes as transactions, binds parameters
 * and turns {@link SQLException} into {@link StoreException} naming the operation and database.
 *
 * <p>Two shapes. PostgreSQL ({@link #pooled}): one pool for everything, each write a transaction on a borrowed
 * connection (the server and the pool handle concurrency). SQLite: reads on {@link SqliteReaders} (read-only
 * connections that WAL lets run beside the writer), writes through {@link GroupCommit}, which batches concurrent
 * transactions into one commit. In both, a write returns only after it committed, so a read that follows it sees it.
 * Thread-safe; holds no lock of its own, so it is safe on virtual threads.
 */
final class Jdbc {

    /** Work done with one lent connection; a transaction's work may run on another thread than its caller's. */
    @FunctionalInterface
    interface Work<T> {
        T run(ConnectionLease connection) throws SQLException;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Lends a connection to work: in autocommit mode for reads, inside a transaction for writes. */
    interface Access {
        <T> T run(Work<T> work) throws SQLException;

        /**
         * Starts {@code work} and returns before it finished where this access batches work ({@link GroupCommit});
         * here it runs at once. Only the calling thread may {@link Pending#await} the result.
         */
        default <T> Pending<T> start(Work<T> work) throws SQLException {
            T result = run(work);
            return () -> result;
        }
    }

    /** Started work's outcome. */
    @FunctionalInterface
    interface Pending<T> {

        /**
         * Parks until the work ended and returns its result.
         *
         * @throws SQLException what the work threw, or why its transaction could not commit
         */
        T await() throws SQLException;
    }

    /** A write that may still be committing. */
    @FunctionalInterface
    interface Later<T> {

        /**
         * Its result, once committed.
         *
         * @throws StoreException when it failed
         */
        T await();
    }

    private final Access reads;
    private final Access writes;
    private final String where;

    Jdbc(Access reads, Access writes, String where) {
        this.reads = reads;
        this.writes = writes;
        this.where = where;
    }

    /** One pool for reads and writes; each write a transaction on its own borrowed connection. */
    static Jdbc pooled(DataSource pool, String where, AtomicLong commits) {
        return new Jdbc(
                new Access() {
                    @Override
                    public <T> T run(Work<T> work) throws SQLException {
                        try (Connection c = pool.getConnection()) {
                            return work.run(ConnectionLease.oneShot(c));
                        }
                    }
                },
                new Access() {
                    @Override
                    public <T> T run(Work<T> work) throws SQLException {
                        T result = transaction(pool, work);
                        commits.incrementAndGet();
                        return result;
                    }
                },
                where);
    }

    /** Runs read-only {@code work} in autocommit mode. */
    <T> T read(String what, Work<T> work) {
        try {
            return reads.run(work);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * Runs {@code work} in one transaction: committed (durably) before this returns, rolled back when it throws. The
     * work may run on another thread, so it must use only the connection it is given and values it captured.
     */
    <T> T inTransaction(String what, Work<T> work) {
        try {
            return writes.run(work);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * Starts {@code work} as {@link #inTransaction} does but returns before it committed where writes are batched
     * (SQLite): writes commit in the order they were started, so it is durable once any later write returned. The
     * calling thread must {@link Later#await} it to learn its result or failure. Elsewhere it runs at once.
     */
    <T> Later<T> inTransactionLater(String what, Work<T> work) {
        Pending<T> pending;
        try {
            pending = writes.start(work);
        } catch (SQLException e) {
            throw failure(what, e);
        }
        return () -> {
            try {
                return pending.await();
            } catch (SQLException e) {
                throw failure(what, e);
            }
        };
    }

    /** One write statement in its own transaction; returns the update count. */
    int update(String what, String sql, Object... params) {
        return inTransaction(what, c -> update(c, sql, params));
    }

    /** One query in autocommit mode. */
    <T> List<T> query(String what, String sql, RowMapper<T> mapper, Object... params) {
        return read(what, c -> query(c, sql, mapper, params));
    }

    static int update(ConnectionLease c, String sql, Object... params) throws SQLException {
        PreparedStatement s = prepare(c, sql, params);
        try {
            int count = s.executeUpdate();
            c.release(sql, s);
            return count;
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Runs a statement without parameters or results, such as {@code SAVEPOINT x}. */
    static void execute(ConnectionLease c, String sql) throws SQLException {
        PreparedStatement s = c.take(sql);
        try {
            s.execute();
            c.release(sql, s);
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    static <T> List<T> query(ConnectionLease c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        PreparedStatement s = prepare(c, sql, params);
        try {
            List<T> result = new ArrayList<>();
            // closing the result set resets the statement, which ends SQLite's implicit read transaction
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
            }
            c.release(sql, s);
            return result;
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    static <T> Optional<T> queryOne(ConnectionLease c, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        return query(c, sql, mapper, params).stream().findFirst();
    }

    private static PreparedStatement prepare(ConnectionLease c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.take(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s;
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private static <T> T transaction(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(ConnectionLease.oneShot(c));
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException(what + " failed on " + where + ": " + e.getMessage(), e);
    }
}
