package openclaw.server;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import openclaw.config.ConfigLoader;
import openclaw.config.OpenClawConfig;
import openclaw.config.OpenClawHome;
import openclaw.secrets.SecretFiles;
import openclaw.session.SessionService;
import openclaw.store.Store;
import openclaw.store.StoreSettings;

/**
 * {@code openclaw sessions …}: the gateway's session service over its configured store, in this process. Works
 * whether or not a gateway is running (SQLite and PostgreSQL both allow a second client). Owned by the calling
 * command, which closes it; not shared between threads.
 */
public final class LocalSessions implements AutoCloseable {

    private final Store store;
    private final SessionService sessions;

    private LocalSessions(Store store, SessionService sessions) {
        this.store = store;
        this.sessions = sessions;
    }

    /**
     * Loads the config, opens and migrates the store it names.
     *
     * @throws openclaw.config.ConfigException for an invalid config
     * @throws openclaw.store.StoreException for unusable storage
     */
    public static LocalSessions open(OpenClawHome home, Path configFile, Map<String, String> env) {
        // A CLI command prints its own output; library chatter (pool, migrations) would only get in the way.
        Logger.getLogger("").setLevel(Level.WARNING);
        OpenClawConfig config = ConfigLoader.loadOrThrow(configFile, env);
        SecretFiles.ensurePrivateDirectory(home.root());
        Store store = Store.open(StoreSettings.of(config.storage().effectiveUrl(home)));
        try {
            store.migrate();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return new LocalSessions(
                store, new SessionService(store.sessions(), store.transcripts(), () -> config, Clock.systemUTC()));
    }

    /** The session service. */
    public SessionService sessions() {
        return sessions;
    }

    /** The opened store (API keys live in its key-value table). */
    public Store store() {
        return store;
    }

    /** Where the sessions are stored, e.g. {@code sqlite /home/u/.openclaw/state/openclaw.sqlite}. */
    public String describe() {
        return store.describe();
    }

    @Override
    public void close() {
        store.close();
    }
}
