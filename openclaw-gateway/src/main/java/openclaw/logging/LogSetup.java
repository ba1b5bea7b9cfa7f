package openclaw.logging;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import openclaw.config.ConsoleStyle;
import openclaw.config.LoggingConfig;
import openclaw.config.OpenClawHome;
import openclaw.sdk.OpenClawException;
import openclaw.secrets.Redactor;
import openclaw.secrets.SecretFiles;

/**
 * Installs the gateway's logging: structured JSON (or pretty) lines on stderr and JSON in a size-rotated file under
 * {@code $OPENCLAW_HOME/logs/}. Every line passes through the current {@link Redactor}. Helidon logs through
 * {@code java.util.logging} and HikariCP/Flyway through SLF4J bridged into it, so one setup covers all of them.
 *
 * <p>Owned by the gateway process; {@link #reconfigure} applies level and redaction changes from a config reload
 * (the file location needs a restart).
 */
public final class LogSetup implements AutoCloseable {

    private final AtomicReference<Redactor> redactor;
    private final ConsoleHandler console;
    private final FileHandler file;

    private LogSetup(AtomicReference<Redactor> redactor, ConsoleHandler console, FileHandler file) {
        this.redactor = redactor;
        this.console = console;
        this.file = file;
    }

    /**
     * Replaces all {@code java.util.logging} handlers with ours.
     *
     * @param secrets exact values to mask (gateway token, …)
     * @throws OpenClawException naming the log directory when it cannot be created or written
     */
    public static LogSetup install(LoggingConfig config, OpenClawHome home, Set<String> secrets) {
        AtomicReference<Redactor> redactor =
                new AtomicReference<>(Redactor.standard().withSecrets(secrets, config.redactPatterns()));
        Path path = config.file().map(Path::of).orElse(home.logsDir().resolve("gateway.log"));
        SecretFiles.ensurePrivateDirectory(path.toAbsolutePath().getParent());
        FileHandler fileHandler;
        try {
            int limit = (int) Math.min(Integer.MAX_VALUE, config.maxFileBytes());
            fileHandler = new FileHandler(path + ".%g", limit, config.maxFiles(), true);
        } catch (IOException e) {
            throw new OpenClawException("cannot open log file " + path + ": " + e.getMessage()
                    + "; set [logging] file or OPENCLAW_HOME to a writable location");
        }
        fileHandler.setFormatter(new JsonLogFormatter(redactor::get));
        ConsoleHandler consoleHandler = new StderrHandler();
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        ReportedElsewhereFilter reported = new ReportedElsewhereFilter();
        consoleHandler.setFilter(reported);
        fileHandler.setFilter(reported);
        root.addHandler(consoleHandler);
        root.addHandler(fileHandler);
        LogSetup setup = new LogSetup(redactor, consoleHandler, fileHandler);
        setup.reconfigure(config, secrets);
        return setup;
    }

    /** Applies levels, console style and redaction rules from a (reloaded) config. */
    public void reconfigure(LoggingConfig config, Set<String> secrets) {
        redactor.set(Redactor.standard().withSecrets(secrets, config.redactPatterns()));
        Formatter consoleFormatter = config.consoleStyle() == ConsoleStyle.PRETTY
                ? new PrettyLogFormatter(redactor::get)
                : new JsonLogFormatter(redactor::get);
        console.setFormatter(consoleFormatter);
        Level fileLevel = LogLevels.toJul(config.level());
        Level consoleLevel = LogLevels.toJul(config.consoleLevel());
        file.setLevel(fileLevel);
        console.setLevel(consoleLevel);
        Level rootLevel = fileLevel.intValue() < consoleLevel.intValue() ? fileLevel : consoleLevel;
        Logger.getLogger("").setLevel(rootLevel);
        // Third-party chatter stays at INFO or above unless the user asks for trace.
        for (String noisy : List.of("io.helidon", "com.zaxxer.hikari", "org.flywaydb")) {
            Logger.getLogger(noisy).setLevel(rootLevel.intValue() < Level.INFO.intValue() ? Level.INFO : rootLevel);
        }
        // Helidon's feature banner ("preview features …") says nothing an operator can act on.
        Logger.getLogger("io.helidon.common.features").setLevel(Level.WARNING);
    }

    @Override
    public void close() {
        console.flush();
        file.close();
    }

    /** A console handler bound to stderr (JUL's default, stated explicitly) that flushes every record. */
    private static final class StderrHandler extends ConsoleHandler {
        @Override
        public void publish(java.util.logging.LogRecord record) {
            super.publish(record);
            flush();
        }
    }
}
