package openclaw.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A connection lent to one piece of work, with the statements already prepared on it. For SQLite, compiling a
 * statement costs about as much as running it (10-20 µs), so the writer and each read connection keep their
 * statements by SQL text for the connection's lifetime; a PostgreSQL lease prepares afresh (the driver caches
 * server-side plans itself). The SQL texts are the stores' constants, so the cache stays small; it is capped anyway.
 *
 * <p>Not thread-safe: whoever holds the connection (a pool borrower, the group-commit writer) is its only user. A
 * statement is taken out of the cache while in use, so nested use of the same SQL prepares a second one.
 */
final class ConnectionLease {

    /** Most statements kept per connection. */
    static final int MAX_CACHED = 64;

    private final Connection connection;
    private final boolean caching;
    private final Map<String, PreparedStatement> idle = new HashMap<>();

    private ConnectionLease(Connection connection, boolean caching) {
        this.connection = connection;
        this.caching = caching;
    }

    /** A lease that keeps its prepared statements until {@link #close()}; for a connection used many times. */
    static ConnectionLease caching(Connection connection) {
        return new ConnectionLease(connection, true);
    }

    /** A lease whose statements are closed after each use. */
    static ConnectionLease oneShot(Connection connection) {
        return new ConnectionLease(connection, false);
    }

    /** The connection, for work the statement helpers do not cover. */
    Connection connection() {
        return connection;
    }

    /** A prepared statement for {@code sql}, to be handed back with {@link #release} or closed by the caller. */
    PreparedStatement take(String sql) throws SQLException {
        PreparedStatement cached = idle.remove(sql);
        return cached != null ? cached : connection.prepareStatement(sql);
    }

    /** Returns a statement after a successful use (its result set closed); a failed one should be closed instead. */
    void release(String sql, PreparedStatement statement) throws SQLException {
        if (caching && idle.size() < MAX_CACHED && idle.putIfAbsent(sql, statement) == null) {
            return;
        }
        statement.close();
    }

    /** Statements currently cached. */
    int cached() {
        return idle.size();
    }

    /** Closes the cached statements (not the connection). */
    void close() {
        for (PreparedStatement s : idle.values()) {
            try {
                s.close();
            } catch (SQLException e) {
                // closing a statement of a connection that is going away anyway
            }
        }
        idle.clear();
    }
}
