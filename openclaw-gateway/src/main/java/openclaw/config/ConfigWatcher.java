package openclaw.config;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hot reload: watches the config file and reports each valid change once. Uses a {@link WatchService} on the parent
 * directory (so editors that save by writing a temp file and renaming it over the original are seen), debounces bursts
 * of events by {@value #DEBOUNCE_MILLIS} ms, and falls back to polling modification time, size and content hash every
 * second when no watch service is available. A valid edit calls {@code onReload} only when the config differs from the
 * last good one; an invalid edit calls {@code onRejected} and the last good config stays. A deleted file is ignored
 * (the last good config stays). Callbacks run on the watcher's own daemon thread; the owner calls {@link #close()}.
 */
public final class ConfigWatcher implements AutoCloseable {

    static final long DEBOUNCE_MILLIS = 200;

    private static final System.Logger LOG = System.getLogger(ConfigWatcher.class.getName());

    private final Path file;
    private final Map<String, String> env;
    private final Consumer<OpenClawConfig> onReload;
    private final Consumer<List<ConfigIssue>> onRejected;
    private final boolean forcePolling;
    private final Duration pollInterval;
    private volatile boolean closed;
    private volatile Thread thread;
    private volatile WatchService watchService;
    private Optional<OpenClawConfig> lastGood = Optional.empty();
    private Optional<List<Object>> initialStamp = Optional.empty();

    /** A watcher for {@code file}; nothing happens until {@link #start()}. */
    public ConfigWatcher(
            Path file,
            Map<String, String> env,
            Consumer<OpenClawConfig> onReload,
            Consumer<List<ConfigIssue>> onRejected) {
        this(file, env, onReload, onRejected, false, Duration.ofSeconds(1));
    }

    @SuppressWarnings("checkstyle:ParameterNumber") // test seam: polling mode and interval
    ConfigWatcher(
            Path file,
            Map<String, String> env,
            Consumer<OpenClawConfig> onReload,
            Consumer<List<ConfigIssue>> onRejected,
            boolean forcePolling,
            Duration pollInterval) {
        this.file = file.toAbsolutePath();
        this.env = Map.copyOf(env);
        this.onReload = Objects.requireNonNull(onReload, "onReload");
        this.onRejected = Objects.requireNonNull(onRejected, "onRejected");
        this.forcePolling = forcePolling;
        this.pollInterval = pollInterval;
    }

    /** Loads the current file as the baseline (no callback) and starts watching. Call once. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        if (ConfigLoader.load(file, env) instanceof LoadResult.Loaded loaded) {
            lastGood = Optional.of(loaded.config());
        }
        initialStamp = stamp();
        Runnable loop = this::pollLoop;
        if (!forcePolling) {
            try {
                WatchService service = file.getFileSystem().newWatchService();
                file.getParent()
                        .register(
                                service,
                                StandardWatchEventKinds.ENTRY_CREATE,
                                StandardWatchEventKinds.ENTRY_MODIFY,
                                StandardWatchEventKinds.ENTRY_DELETE);
                watchService = service;
                loop = this::watchLoop;
            } catch (IOException | UnsupportedOperationException e) {
                LOG.log(System.Logger.Level.INFO, "config watch service unavailable, polling " + file + ": " + e);
            }
        }
        thread = Thread.ofPlatform().daemon().name("openclaw-config-watcher").start(loop);
    }

    @Override
    public void close() {
        closed = true;
        WatchService service = watchService;
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing config watch service", e);
            }
        }
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void watchLoop() {
        try {
            while (!closed) {
                boolean relevant = drain(watchService.take());
                // Debounce: an editor's save is often several events; wait for a quiet period.
                WatchKey next;
                while ((next = watchService.poll(DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    relevant |= drain(next);
                }
                if (relevant && !closed) {
                    reload();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // close() was called.
        }
    }

    private boolean drain(WatchKey key) {
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            relevant |= event.kind() == StandardWatchEventKinds.OVERFLOW
                    || file.getFileName().equals(event.context());
        }
        key.reset();
        return relevant;
    }

    private void pollLoop() {
        Optional<List<Object>> stamp = initialStamp;
        try {
            while (!closed) {
                Thread.sleep(pollInterval);
                Optional<List<Object>> now = stamp();
                if (!now.equals(stamp)) {
                    stamp = now;
                    reload();
                }
            }
        } catch (InterruptedException e) {
            // close() was called.
        }
    }

    private Optional<List<Object>> stamp() {
        try {
            // The content hash catches same-size edits within the file system's timestamp granularity.
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            int hash = Arrays.hashCode(Files.readAllBytes(file));
            return Optional.of(List.of(a.lastModifiedTime(), a.size(), hash));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void reload() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            switch (ConfigLoader.load(file, env)) {
                case LoadResult.Loaded loaded -> {
                    if (!lastGood.equals(Optional.of(loaded.config()))) {
                        lastGood = Optional.of(loaded.config());
                        onReload.accept(loaded.config());
                    }
                }
                case LoadResult.Rejected rejected -> onRejected.accept(rejected.errors());
            }
        } catch (RuntimeException e) {
            // Thread boundary: a failing callback must not stop watching.
            LOG.log(System.Logger.Level.ERROR, "config reload callback failed for " + file, e);
        }
    }
}
