package openclaw.testkit.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A throw-away schema in the test PostgreSQL, so each test class gets a clean database without needing its own
 * server. The server comes from {@code OPENCLAW_TEST_PG_URL} (default {@code
 * jdbc:postgresql://127.0.0.1:5432/test?user=postgres}, the database {@code .ci/run} starts). Closing drops the
 * schema and everything in it.
 */
public final class PostgresTestDatabase implements AutoCloseable {

    /** Environment variable naming the JDBC URL of the test server. */
    public static final String URL_ENV = "OPENCLAW_TEST_PG_URL";

    /** The server {@code .ci/run} makes sure is running. */
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private final String serverUrl;
    private final String schema;

    private PostgresTestDatabase(String serverUrl, String schema) {
        this.serverUrl = serverUrl;
        this.schema = schema;
    }

    /** The JDBC URL of the test server, without a schema. */
    public static String serverUrl() {
        String fromEnv = System.getenv(URL_ENV);
        return fromEnv == null || fromEnv.isBlank() ? DEFAULT_URL : fromEnv;
    }

    /**
     * Creates a fresh, uniquely named schema.
     *
     * @throws IllegalStateException when the server cannot be reached, with the URL and how to start it
     */
    public static PostgresTestDatabase create() {
        String url = serverUrl();
        String schema = "t_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL test server unreachable at " + url + " (" + e.getMessage()
                            + "); start it (.ci/run does) or set " + URL_ENV,
                    e);
        }
        return new PostgresTestDatabase(url, schema);
    }

    /** The schema's name. */
    public String schema() {
        return schema;
    }

    /** A JDBC URL whose connections use this schema by default. */
    public String jdbcUrl() {
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(serverUrl);
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test schema " + schema, e);
        }
    }
}
