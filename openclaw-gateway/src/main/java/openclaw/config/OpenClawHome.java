package openclaw.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The state directory layout under {@code $OPENCLAW_HOME} (default {@code ~/.openclaw}): config file, SQLite state,
 * logs, credentials and the running gateway's pid file. A value type; it creates nothing on disk.
 */
public record OpenClawHome(Path root) {

    /** Environment variable that moves the whole state directory. */
    public static final String HOME_ENV = "OPENCLAW_HOME";

    public OpenClawHome {
        Objects.requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
    }

    /** {@code $OPENCLAW_HOME}, else {@code ~/.openclaw}. */
    public static OpenClawHome fromEnvironment(Map<String, String> env) {
        String explicit = env.get(HOME_ENV);
        if (explicit != null && !explicit.isBlank()) {
            return new OpenClawHome(Path.of(explicit));
        }
        return new OpenClawHome(Path.of(System.getProperty("user.home"), ".openclaw"));
    }

    /** {@code openclaw.toml} in the root; {@code --config FILE} overrides it. */
    public Path configFile() {
        return root.resolve("openclaw.toml");
    }

    /** Directory of the embedded database and other durable state. */
    public Path stateDir() {
        return root.resolve("state");
    }

    /** Directory of the rotated JSON log files. */
    public Path logsDir() {
        return root.resolve("logs");
    }

    /** Directory for generated secrets (mode 0700, files 0600). */
    public Path credentialsDir() {
        return root.resolve("credentials");
    }

    /** The generated gateway token, written on first start when none is configured. */
    public Path gatewayTokenFile() {
        return credentialsDir().resolve("gateway.token");
    }

    /** Written by a running gateway: pid, port and bind, so the CLI can find and stop it. */
    public Path pidFile() {
        return stateDir().resolve("gateway.pid");
    }

    /** The embedded SQLite database file. */
    public Path sqliteFile() {
        return stateDir().resolve("openclaw.sqlite");
    }

    /** JDBC URL of the embedded default store. */
    public String defaultStorageUrl() {
        return "jdbc:sqlite:" + sqliteFile();
    }
}
