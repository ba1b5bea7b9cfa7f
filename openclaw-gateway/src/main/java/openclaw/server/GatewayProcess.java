package openclaw.server;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import openclaw.auth.GatewayAuth;
import openclaw.auth.GatewayToken;
import openclaw.auth.GatewayTokens;
import openclaw.config.AuthMode;
import openclaw.config.ConfigLoader;
import openclaw.config.ConfigWatcher;
import openclaw.config.OpenClawConfig;
import openclaw.http.GatewayHttpServer;
import openclaw.lifecycle.BuildInfo;
import openclaw.lifecycle.GatewayLifecycle;
import openclaw.lifecycle.PidFile;
import openclaw.logging.LogSetup;
import openclaw.metrics.GatewayMetrics;
import openclaw.openai.OpenAiApi;
import openclaw.sdk.OpenClawException;
import openclaw.secrets.SecretFiles;
import openclaw.store.Store;
import openclaw.store.StoreSettings;

/**
 * A running gateway: the composition root that loads config, prepares the state directory and token, installs
 * logging, opens and migrates storage (in parallel with binding the HTTP listener), and tears everything down in
 * reverse on {@link #shutdown()}. Constructed only through {@link #start}; thread-safe; shutdown is idempotent.
 */
public final class GatewayProcess implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GatewayProcess.class.getName());

    private final GatewayOptions options;
    private final GatewayLifecycle lifecycle;
    private final Resources resources;
    private final ConfigReloader reloader;
    private final PidFile pidFile;
    private final Future<?> warmUp;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);

    /** What {@link #shutdown()} must close, in reverse order of opening. */
    private record Resources(
            Optional<LogSetup> logs,
            GatewayMetrics metrics,
            Store store,
            GatewayHttpServer http,
            ConfigWatcher watcher,
            ControlWiring control) {}

    private GatewayProcess(
            GatewayOptions options,
            GatewayLifecycle lifecycle,
            Resources resources,
            ConfigReloader reloader,
            PidFile pidFile,
            Future<?> warmUp) {
        this.options = options;
        this.lifecycle = lifecycle;
        this.resources = resources;
        this.reloader = reloader;
        this.pidFile = pidFile;
        this.warmUp = warmUp;
    }

    /**
     * Starts a gateway and returns once it is ready ({@code /readyz} answers 200).
     *
     * @throws openclaw.config.ConfigException for an invalid config file (every problem listed)
     * @throws GatewayStartException for a configuration the gateway refuses to run with
     * @throws OpenClawException for an unusable state directory, taken port or unreachable storage
     */
    public static GatewayProcess start(GatewayOptions options) {
        GatewayLifecycle lifecycle = GatewayLifecycle.startingNow();
        // The web server's own initialisation does not depend on config: overlap it with loading config.
        Future<Object> httpWarmup = StartupTasks.submit(() -> {
            GatewayHttpServer.prewarm();
            return null;
        });
        StartupTasks.submit(() -> {
            Store.prewarm();
            return null;
        });
        OpenClawConfig config = Overrides.apply(ConfigLoader.loadOrThrow(options.configFile(), options.env()), options);
        Overrides.refuseUnsafeBind(config);
        SecretFiles.ensurePrivateDirectory(options.home().root());
        SecretFiles.ensurePrivateDirectory(options.home().stateDir());
        Optional<GatewayToken> token = config.gateway().auth().mode() == AuthMode.TOKEN
                ? Optional.of(GatewayTokens.resolveForServer(
                        config.gateway().auth().token(), options.home().gatewayTokenFile()))
                : Optional.empty();
        Set<String> secrets = token.map(t -> Set.of(t.value())).orElse(Set.of());
        Optional<LogSetup> logs = options.installLogging()
                ? Optional.of(LogSetup.install(config.logging(), options.home(), secrets))
                : Optional.empty();
        lifecycle.pending("storage");
        String storageUrl = config.storage().effectiveUrl(options.home());
        Future<Store> storeFuture = StartupTasks.submit(() -> openAndMigrate(storageUrl));
        GatewayMetrics metrics = new GatewayMetrics();
        GatewayAuth auth = new GatewayAuth(config.gateway().auth().mode(), token);
        AtomicReference<Store> storeRef = new AtomicReference<>();
        AtomicReference<GatewayHttpServer> httpRef = new AtomicReference<>();
        StatusSnapshot status = new StatusSnapshot(lifecycle, config, storeRef, httpRef);
        DeferredSocket controlSocket = new DeferredSocket("/");
        DeferredSocket responsesSocket = new DeferredSocket("/v1/responses");
        DeferredApi openAi = new DeferredApi("/v1", OpenAiApi.MAX_BODY_BYTES);
        StartupTasks.await(httpWarmup);
        GatewayHttpServer http;
        try {
            http = GatewayHttpServer.start(
                    new GatewayHttpServer.Settings(
                            config.gateway().bind().host(), config.gateway().port(), options.drainTimeout()),
                    new GatewayHttpServer.Services(
                            lifecycle,
                            auth,
                            metrics,
                            status::current,
                            java.util.List.of(controlSocket, responsesSocket),
                            java.util.List.of(openAi)));
        } catch (RuntimeException e) {
            StartupTasks.closeWhenDone(storeFuture);
            throw e;
        }
        httpRef.set(http);
        Store store;
        try {
            store = awaitStore(storeFuture);
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
        storeRef.set(store);
        lifecycle.addCheck(new StorageCheck(store));
        PidFile pid = new PidFile(
                ProcessHandle.current().pid(), config.gateway().bind().host(), http.port(), Instant.now());
        ConfigReloader reloader = new ConfigReloader(config, auth, logs, status, options);
        ControlWiring control;
        try {
            control = ControlWiring.build(
                    store, auth, reloader::current, status::current, http::port, options, metrics.registry());
        } catch (RuntimeException e) {
            closeQuietly("http listener", http);
            closeQuietly("storage", store);
            throw e;
        }
        serve(control, controlSocket, openAi, responsesSocket);
        reloader.onApply(control::reload);
        ConfigWatcher watcher =
                new ConfigWatcher(options.configFile(), options.env(), reloader::apply, reloader::rejected);
        try {
            store.instance().startup(BuildInfo.current().version());
            pid.write(options.home().pidFile());
            watcher.start();
        } catch (RuntimeException e) {
            closeQuietly("control plane", control);
            closeQuietly("http listener", http);
            closeQuietly("storage", store);
            throw e;
        }
        lifecycle.markStarted();
        Future<Object> warmUp = StartupTasks.submit(() -> {
            metrics.bindJvmMeters();
            control.warmUp();
            return null;
        });
        LOG.info(() -> "gateway listening on http://" + config.gateway().bind().host() + ":" + http.port()
                + " (" + BuildInfo.current().versionLine() + ", auth "
                + token.map(GatewayToken::fingerprint).map(f -> "token " + f).orElse("none") + ", storage "
                + store.describe() + ") ready in "
                + lifecycle.uptimeMs() + " ms");
        return new GatewayProcess(
                options, lifecycle, new Resources(logs, metrics, store, http, watcher, control), reloader, pid, warmUp);
    }

    /** Serves the endpoints registered before storage was open from the wired control plane and API. */
    private static void serve(
            ControlWiring control, DeferredSocket controlSocket, DeferredApi openAi, DeferredSocket responsesSocket) {
        controlSocket.ready(control.plane());
        openAi.ready(control.openAi());
        responsesSocket.ready(
                control.openAi().responsesSocket(u -> control.plane().refuseOrigin(u, "Responses socket")));
    }

    /** Waits for the work started once the gateway was ready (JVM meters, model providers). */
    void awaitWarmUp() {
        StartupTasks.await(warmUp);
    }

    /** The bound HTTP port. */
    public int port() {
        return resources.http().port();
    }

    /** The open store (for in-process tools and tests that seed data). */
    public Store store() {
        return resources.store();
    }

    /** The lifecycle behind the probes. */
    public GatewayLifecycle lifecycle() {
        return lifecycle;
    }

    /** The effective config currently applied (after hot reloads). */
    public OpenClawConfig config() {
        return reloader.current();
    }

    /**
     * Drains and stops: readiness turns false, the listener stops accepting, in-flight requests get up to the drain
     * timeout, then config watching, storage, metrics and logging close. Idempotent; later calls wait for the first.
     */
    public void shutdown() {
        if (!stopping.compareAndSet(false, true)) {
            awaitTermination();
            return;
        }
        try {
            lifecycle.markDraining();
            LOG.info(() -> "shutting down: draining " + resources.http().inFlight() + " in-flight request(s), up to "
                    + options.drainTimeout().toMillis() + " ms");
            closeQuietly("control plane", resources.control());
            closeQuietly("http listener", resources.http());
            closeQuietly("config watcher", resources.watcher());
            closeQuietly("storage", resources.store());
            pidFile.deleteIfOurs(options.home().pidFile());
            closeQuietly("metrics", resources.metrics());
            LOG.info("gateway stopped");
            resources.logs().ifPresent(l -> closeQuietly("logging", l));
        } finally {
            terminated.countDown();
        }
    }

    /** Blocks until {@link #shutdown()} has completed. */
    public void awaitTermination() {
        try {
            terminated.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        shutdown();
    }

    private static Store openAndMigrate(String url) {
        Store store = Store.open(StoreSettings.of(url));
        try {
            store.migrate();
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static Store awaitStore(Future<Store> future) {
        try {
            return future.get(5, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new OpenClawException("storage failed to open: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenClawException("interrupted while opening storage", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new OpenClawException("storage did not open within 5 minutes", e);
        }
    }

    private static void closeQuietly(String what, AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) { // shutdown boundary: one failing part must not keep the others open
            LOG.log(Level.WARNING, "error while closing " + what, e);
        }
    }
}
