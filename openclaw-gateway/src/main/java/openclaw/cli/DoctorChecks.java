package openclaw.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import openclaw.config.AuthMode;
import openclaw.config.ConfigLoader;
import openclaw.config.LoadResult;
import openclaw.config.OpenClawConfig;
import openclaw.config.OpenClawHome;
import openclaw.lifecycle.PidFile;
import openclaw.secrets.SecretFiles;
import openclaw.store.MigrationStatus;
import openclaw.store.Store;
import openclaw.store.StoreSettings;

/**
 * The checks behind {@code openclaw doctor}: config, state directory, storage, port and auth. Read-only: it never
 * creates the database, migrates, or changes permissions; it says what to run instead.
 */
final class DoctorChecks {

    private final CliContext context;

    DoctorChecks(CliContext context) {
        this.context = context;
    }

    List<DoctorCheck> run() {
        List<DoctorCheck> checks = new ArrayList<>();
        OpenClawHome home = context.home();
        LoadResult result = ConfigLoader.load(context.configFile(), context.env());
        OpenClawConfig config;
        if (result instanceof LoadResult.Loaded loaded) {
            config = loaded.config();
            checks.add(
                    Files.exists(context.configFile())
                            ? DoctorCheck.ok(
                                    "config",
                                    context.configFile() + " is valid"
                                            + (loaded.warnings().isEmpty()
                                                    ? ""
                                                    : " (" + loaded.warnings().size() + " warning(s))"))
                            : DoctorCheck.ok("config", "no " + context.configFile() + "; using built-in defaults"));
        } else {
            LoadResult.Rejected rejected = (LoadResult.Rejected) result;
            checks.add(DoctorCheck.fail(
                    "config",
                    rejected.errors().stream()
                            .map(i -> i.describe(context.configFile()))
                            .collect(Collectors.joining("; ")),
                    "fix the listed keys, then run 'openclaw config validate'"));
            config = OpenClawConfig.DEFAULTS;
        }
        checks.add(stateDir(home));
        checks.add(storage(config, home));
        checks.add(port(config, home));
        checks.add(auth(config, home));
        return checks;
    }

    private static DoctorCheck stateDir(OpenClawHome home) {
        Path dir = home.root();
        if (!Files.exists(dir)) {
            return DoctorCheck.warn("stateDir", dir + " does not exist yet", "it is created (0700) on first start");
        }
        if (!Files.isWritable(dir)) {
            return DoctorCheck.fail(
                    "stateDir", dir + " is not writable", "fix its owner/permissions or set OPENCLAW_HOME");
        }
        String mode = SecretFiles.mode(dir);
        if (!mode.isEmpty() && !mode.equals("rwx------")) {
            return DoctorCheck.warn(
                    "stateDir", dir + " has mode " + mode + " (others can read your state)", "chmod 700 " + dir);
        }
        return DoctorCheck.ok("stateDir", dir + " (mode 0700)");
    }

    private static DoctorCheck storage(OpenClawConfig config, OpenClawHome home) {
        String url = config.storage().effectiveUrl(home);
        if (url.startsWith("jdbc:sqlite:")
                && url.equals(home.defaultStorageUrl())
                && !Files.exists(home.sqliteFile())) {
            return DoctorCheck.warn(
                    "storage",
                    "no database yet at " + home.sqliteFile(),
                    "it is created and migrated on first 'openclaw gateway' start");
        }
        try (Store store = Store.open(StoreSettings.of(url))) {
            store.check();
            MigrationStatus m = store.migrationStatus();
            if (!m.upToDate()) {
                return DoctorCheck.warn(
                        "storage",
                        store.describe() + " reachable; schema " + m.appliedVersion() + " of " + m.latestVersion()
                                + " (" + m.pending() + " pending)",
                        "start the gateway to migrate");
            }
            return DoctorCheck.ok(
                    "storage", store.describe() + " reachable, schema " + m.appliedVersion() + " (current)");
        } catch (RuntimeException e) {
            return DoctorCheck.fail("storage", e.getMessage(), "check [storage] url and that the database is up");
        }
    }

    private static DoctorCheck port(OpenClawConfig config, OpenClawHome home) {
        Optional<PidFile> live = PidFile.readLive(home.pidFile());
        if (live.isPresent()) {
            return DoctorCheck.ok(
                    "port",
                    "gateway pid " + live.get().pid() + " is serving on "
                            + live.get().host() + ":" + live.get().port());
        }
        String host = config.gateway().bind().host();
        int port = config.gateway().port();
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(host))) {
            return DoctorCheck.ok("port", host + ":" + port + " is free");
        } catch (IOException e) {
            return DoctorCheck.fail(
                    "port",
                    host + ":" + port + " is in use by another process",
                    "stop it, or choose another port: openclaw config set gateway.port <port>");
        }
    }

    private static DoctorCheck auth(OpenClawConfig config, OpenClawHome home) {
        if (config.gateway().auth().mode() == AuthMode.NONE) {
            if (!config.gateway().bind().isLoopback()) {
                return DoctorCheck.fail(
                        "auth",
                        "mode none with bind " + config.gateway().bind().value() + ": the gateway refuses to start",
                        "set [gateway.auth] mode = \"token\"");
            }
            return DoctorCheck.warn(
                    "auth",
                    "mode none (loopback only): any local process can use the gateway",
                    "set [gateway.auth] mode = \"token\"");
        }
        if (config.gateway().auth().token().isPresent()) {
            return DoctorCheck.ok("auth", "token from config or OPENCLAW_GATEWAY_TOKEN");
        }
        Path file = home.gatewayTokenFile();
        if (!Files.exists(file)) {
            return DoctorCheck.ok("auth", "token mode; a token is generated into " + file + " on first start");
        }
        String mode = SecretFiles.mode(file);
        if (!mode.isEmpty() && !mode.equals("rw-------")) {
            return DoctorCheck.fail(
                    "auth", file + " has mode " + mode + " (token readable by others)", "chmod 600 " + file);
        }
        return DoctorCheck.ok("auth", "token in " + file + " (mode 0600)");
    }
}
