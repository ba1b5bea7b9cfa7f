package openclaw.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
import openclaw.config.ConfigException;
import openclaw.config.ConfigLoader;
import openclaw.config.OpenClawConfig;
import openclaw.routing.Bindings;
import openclaw.routing.Router;
import openclaw.routing.RoutingException;
import openclaw.secrets.SecretFiles;
import openclaw.store.Store;
import openclaw.store.StoreSettings;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The config and store the {@code agents} and {@code channels} commands work on, opened in this process as
 * {@code openclaw agent --local} does (no running gateway needed; a running one sees the changes on its next message).
 * Owned by one command run and closed by it; not thread-safe.
 */
final class RoutingState implements AutoCloseable {

    private final CliContext context;
    private final Store store;
    private OpenClawConfig config;

    private RoutingState(CliContext context, OpenClawConfig config, Store store) {
        this.context = context;
        this.config = config;
        this.store = store;
    }

    /** A command body run with the opened state; returns the exit code. */
    @FunctionalInterface
    interface Body {
        /** Runs the command. */
        int run(CliContext context, RoutingState state);
    }

    /**
     * Opens config and store for the command of {@code spec}, runs {@code body}, and maps failures to exit codes: an
     * invalid config or a malformed channel account is 2, an unknown agent or a missing binding is 1.
     */
    static int run(CommandSpec spec, Body body) {
        CliContext context = OpenClawCommand.contextOf(spec);
        // These commands print their results; pool and migration chatter would only get in the way. The level is
        // restored afterwards because tests run commands in-process.
        Logger root = Logger.getLogger("");
        Level level = root.getLevel();
        root.setLevel(Level.WARNING);
        try (RoutingState state = open(context)) {
            return body.run(context, state);
        } catch (ConfigException e) {
            ConfigCommand.printIssues(context, "error", e.issues());
            return 2;
        } catch (RoutingException e) {
            return fail(context, e);
        } finally {
            root.setLevel(level);
        }
    }

    /** Reports a rejected routing request; the exit code: 1 for an unknown agent or binding, 2 for bad input. */
    static int fail(CliContext context, RoutingException e) {
        context.err().println("openclaw: " + e.getMessage());
        if (e.reason() != RoutingException.Reason.NOT_BOUND) {
            context.err().println("  config file: " + context.configFile());
        }
        return switch (e.reason()) {
            case UNKNOWN_AGENT, NOT_BOUND -> 1;
            case BAD_TARGET, AMBIGUOUS_ACCOUNT -> 2;
        };
    }

    private static RoutingState open(CliContext context) {
        OpenClawConfig config = ConfigLoader.loadOrThrow(context.configFile(), context.env());
        SecretFiles.ensurePrivateDirectory(context.home().root());
        Store store = Store.open(StoreSettings.of(config.storage().effectiveUrl(context.home())));
        try {
            store.migrate();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return new RoutingState(context, config, store);
    }

    /** The config as last loaded. */
    OpenClawConfig config() {
        return config;
    }

    /** Loads the config file again, after this command edited it. */
    void reloadConfig() {
        config = ConfigLoader.loadOrThrow(context.configFile(), context.env());
    }

    /** Bindings checked against the current config. */
    Bindings bindings() {
        return new Bindings(store.agents(), this::config);
    }

    /** A router over the stored bindings and the current config. */
    Router router() {
        return new Router(store.agents(), this::config);
    }

    @Override
    public void close() {
        store.close();
    }
}
