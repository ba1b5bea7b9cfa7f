package openclaw.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Opens a PostgreSQL connection pool for shared deployments. Several gateway processes may use the same database, so
 * writes that must be serialised take row locks ({@code SELECT ... FOR UPDATE}) rather than relying on the pool.
 * The first connection is opened eagerly so an unreachable server fails at startup with its {@code host:port/db}.
 * Stateless utility.
 */
final class PostgresDataSource {

    static final int POOL_SIZE = 8;

    private PostgresDataSource() {}

    static HikariDataSource open(StoreUrl url) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("openclaw-postgresql");
        pool.setJdbcUrl(url.jdbcUrl());
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(10_000);
        try {
            return new HikariDataSource(pool);
        } catch (RuntimeException e) {
            throw new StoreException(
                    "cannot connect to PostgreSQL at " + url.location() + ": " + SqliteDataSource.rootMessage(e)
                            + ". Start the server or fix host, port, database and credentials in the storage URL"
                            + " (or use the embedded default jdbc:sqlite:~/.openclaw/state/openclaw.sqlite)",
                    e);
        }
    }
}
