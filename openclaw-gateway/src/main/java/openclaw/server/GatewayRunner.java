package openclaw.server;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import openclaw.config.ConfigException;
import openclaw.config.OpenClawHome;
import openclaw.sdk.OpenClawException;
import sun.misc.Signal;

/**
 * Runs the gateway in the foreground for {@code openclaw gateway}: starts it, turns SIGTERM and SIGINT into a
 * graceful {@link GatewayProcess#shutdown()}, and maps failures to exit codes (0 after a clean stop, 1 for runtime
 * problems, 2 for configuration the gateway refuses). Also hosts the AOT training run.
 */
public final class GatewayRunner {

    private static final String TRAINING_CONFIG = """
            [gateway]
            port = 18789
            bind = "loopback"
            [gateway.auth]
            mode = "token"
            [gateway.controlUi]
            allowedOrigins = ["http://localhost:5173"]
            [logging]
            level = "info"
            consoleLevel = "warn"
            consoleStyle = "json"
            maxFiles = 3
            """;

    /** Environment variable naming the launcher's two-phase training directory. */
    public static final String TRAIN_DIR_ENV = "OPENCLAW_TRAIN_DIR";

    private static final String TRAINING_MARKER = ".openclaw-training";

    private GatewayRunner() {}

    /** Starts, serves until a signal arrives, drains, and returns the exit code. */
    public static int runForeground(GatewayOptions options, PrintStream err) {
        // Handlers go in before start-up, so a SIGTERM that races readiness still drains instead of killing the JVM.
        AtomicReference<GatewayProcess> running = new AtomicReference<>();
        AtomicBoolean stopRequested = new AtomicBoolean();
        Runnable stop = () -> {
            stopRequested.set(true);
            GatewayProcess g = running.get();
            if (g != null) {
                Thread.ofPlatform().name("openclaw-shutdown").start(g::shutdown);
            }
        };
        Signal.handle(new Signal("TERM"), s -> stop.run());
        Signal.handle(new Signal("INT"), s -> stop.run());
        GatewayProcess gateway;
        try {
            gateway = GatewayProcess.start(options);
        } catch (ConfigException e) {
            err.println("openclaw: invalid config, the gateway did not start:");
            e.issues().forEach(i -> err.println("  " + i.describe(options.configFile())));
            if (e.issues().isEmpty()) {
                err.println("  " + e.getMessage());
            }
            return 2;
        } catch (GatewayStartException e) {
            err.println("openclaw: " + e.getMessage());
            return e.exitCode();
        } catch (OpenClawException e) {
            err.println("openclaw: " + e.getMessage());
            return 1;
        }
        running.set(gateway);
        if (stopRequested.get()) {
            gateway.shutdown();
        }
        Optional<HeapReclaimer> reclaimer = HeapReclaimer.startIfSerial();
        try {
            gateway.awaitTermination();
        } finally {
            reclaimer.ifPresent(HeapReclaimer::close);
        }
        return 0;
    }

    /**
     * The AOT-cache training run: a gateway in a throw-away home on a free port, exercised with the requests a real
     * one serves first, then shut down the normal way. Exit code 0 means the packaged jar starts, serves and stops:
     * it doubles as a packaging self-test.
     *
     * <p>With {@code OPENCLAW_TRAIN_DIR} (set by the launcher) training has two phases in two processes: the first
     * call creates the database and token there (first start, schema migration), the second, recorded, call is an
     * ordinary restart. Classes used only by the first start (the migration engine) then stay out of the cache, which
     * every later start would otherwise load. Without it, both phases run here in a temporary directory.
     */
    public static int train(Map<String, String> env, PrintStream err) {
        String dir = env.getOrDefault(TRAIN_DIR_ENV, "");
        Path home;
        try {
            home = dir.isEmpty() ? Files.createTempDirectory("openclaw-train") : Path.of(dir);
            if (!dir.isEmpty() && !isTrainingDirectory(home)) {
                err.println(
                        "openclaw: " + TRAIN_DIR_ENV + "=" + dir + " must be empty or an earlier training directory");
                return 2;
            }
        } catch (IOException e) {
            err.println("openclaw: cannot prepare a training directory: " + e.getMessage());
            return 1;
        }
        try {
            boolean setUp = Files.exists(home.resolve(TRAINING_MARKER));
            if (!setUp) {
                Files.writeString(home.resolve(TRAINING_MARKER), "openclaw AOT training directory\n");
                // A config with every block, so the TOML and binding paths are trained too.
                Files.writeString(home.resolve("openclaw.toml"), TRAINING_CONFIG);
            }
            GatewayOptions options =
                    GatewayOptions.forHome(new OpenClawHome(home), env).withPort(0);
            if (!setUp) {
                GatewayProcess.start(options).shutdown();
                if (!dir.isEmpty()) {
                    return 0;
                }
            }
            GatewayProcess gateway = GatewayProcess.start(options);
            try {
                TrainingTraffic.run(gateway.port());
                // The cache is written as this process exits. Exiting while the warm-up still loaded classes (the
                // model providers' HTTP client) left caches that crashed every later start in the JVM's class
                // preloading (JDK 25.0.3, AOTLinkedClassBulkLoader), depending on timing.
                gateway.awaitWarmUp();
            } finally {
                gateway.shutdown();
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("openclaw: training run failed: " + e);
            return 1;
        } finally {
            if (dir.isEmpty()) {
                deleteTree(home);
            }
        }
    }

    private static boolean isTrainingDirectory(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            Files.createDirectories(dir);
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return Files.exists(dir.resolve(TRAINING_MARKER))
                    || entries.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }
}
