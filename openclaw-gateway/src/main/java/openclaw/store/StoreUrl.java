package openclaw.store;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A parsed storage URL: which database, the JDBC URL to connect with and a password-free location for messages.
 * {@code location} is the absolute file for SQLite and {@code host:port/database} for PostgreSQL. Immutable.
 */
record StoreUrl(StoreKind kind, String jdbcUrl, String location) {

    static final String SQLITE_PREFIX = "jdbc:sqlite:";
    static final String POSTGRES_PREFIX = "jdbc:postgresql:";
    static final String SUPPORTED = "supported are jdbc:sqlite:<file> (the embedded default, e.g. jdbc:sqlite:"
            + "~/.openclaw/state/openclaw.sqlite) and jdbc:postgresql://<host>:<port>/<database>";

    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("//([^:/@]*):[^@/]*@");

    StoreUrl {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(location, "location");
    }

    /** Parses a storage URL, failing with the supported schemes when it is neither SQLite nor PostgreSQL. */
    static StoreUrl parse(String url) {
        String trimmed = url.strip();
        if (trimmed.startsWith(SQLITE_PREFIX)) {
            return sqlite(trimmed.substring(SQLITE_PREFIX.length()));
        }
        if (trimmed.startsWith(POSTGRES_PREFIX)) {
            return new StoreUrl(StoreKind.POSTGRESQL, trimmed, postgresLocation(trimmed));
        }
        throw new StoreException("unsupported storage URL '" + redact(trimmed) + "': " + SUPPORTED);
    }

    /** The URL with any password replaced by {@code ***}, safe for messages and logs. */
    static String redact(String url) {
        String withoutParam = PASSWORD_PARAM.matcher(url).replaceAll("$1***");
        return USER_INFO_PASSWORD.matcher(withoutParam).replaceAll("//$1:***@");
    }

    /** The SQLite database file; only for {@link StoreKind#SQLITE}. */
    Path sqliteFile() {
        if (kind != StoreKind.SQLITE) {
            throw new IllegalStateException("not a SQLite URL: " + describe());
        }
        return Path.of(location);
    }

    /** {@code sqlite /abs/file} or {@code postgresql host:port/db}. */
    String describe() {
        return (kind == StoreKind.SQLITE ? "sqlite " : "postgresql ") + location;
    }

    private static StoreUrl sqlite(String rest) {
        String path = rest.startsWith("file:") ? rest.substring("file:".length()) : rest;
        if (path.isBlank() || path.startsWith(":memory:") || path.contains("?")) {
            throw new StoreException("unsupported SQLite URL 'jdbc:sqlite:" + rest + "': give a plain file path without"
                    + " parameters (in-memory databases lose all state); " + SUPPORTED);
        }
        if (path.equals("~") || path.startsWith("~/")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        try {
            Path file = Path.of(path).toAbsolutePath().normalize();
            return new StoreUrl(StoreKind.SQLITE, SQLITE_PREFIX + file, file.toString());
        } catch (InvalidPathException e) {
            throw new StoreException("invalid SQLite database path '" + path + "': " + e.getMessage(), e);
        }
    }

    private static String postgresLocation(String url) {
        String rest = url.substring(POSTGRES_PREFIX.length());
        int query = rest.indexOf('?');
        String base = query < 0 ? rest : rest.substring(0, query);
        if (!base.startsWith("//")) {
            // jdbc:postgresql:database is the driver's short form for localhost:5432
            return "localhost:5432/" + base;
        }
        String afterSlashes = base.substring(2);
        int slash = afterSlashes.indexOf('/');
        String authority = slash < 0 ? afterSlashes : afterSlashes.substring(0, slash);
        String database = slash < 0 ? "" : afterSlashes.substring(slash + 1);
        String hosts = authority.substring(authority.lastIndexOf('@') + 1);
        boolean hasPort = hosts.lastIndexOf(':') > hosts.lastIndexOf(']');
        return (hasPort ? hosts : hosts + ":5432") + "/" + database;
    }
}
