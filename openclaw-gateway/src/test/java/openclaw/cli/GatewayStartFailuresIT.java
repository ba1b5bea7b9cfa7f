package openclaw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import openclaw.config.OpenClawHome;
import openclaw.server.GatewayOptions;
import openclaw.server.GatewayProcess;
import openclaw.store.Store;
import openclaw.store.StoreSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input at start-up gets a clear message and exit code, and never touches data stored earlier. */
class GatewayStartFailuresIT {

    @TempDir
    Path home;

    @TempDir
    Path scratch;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** A home with a real database holding one value, as a previous run would leave it. */
    @BeforeEach
    void existingData() {
        GatewayOptions options = GatewayOptions.forHome(new OpenClawHome(home), Map.of())
                .withPort(0)
                .withoutLoggingSetup();
        GatewayProcess.start(options).shutdown();
        try (Store store = Store.open(StoreSettings.of(new OpenClawHome(home).defaultStorageUrl()))) {
            store.keyValues().put("test", "precious", "keep me");
        }
    }

    private void assertDataUntouched() {
        try (Store store = Store.open(StoreSettings.of(new OpenClawHome(home).defaultStorageUrl()))) {
            assertThat(store.keyValues().get("test", "precious")).contains("keep me");
        }
    }

    private int gateway(String... args) {
        String[] full = new String[args.length + 2];
        full[0] = "gateway";
        full[1] = "run";
        System.arraycopy(args, 0, full, 2, args.length);
        PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
        return Cli.execute(full, Map.of("OPENCLAW_HOME", home.toString()), stream, stream);
    }

    @Test
    void invalid_toml_names_file_line_and_column_and_exits_2() throws Exception {
        Files.writeString(home.resolve("openclaw.toml"), "[gateway]\nport = \n");
        assertThat(gateway()).isEqualTo(2);
        assertThat(err.toString()).contains(home.resolve("openclaw.toml") + ":2:");
        assertDataUntouched();
    }

    @Test
    void unknown_keys_are_all_reported_with_suggestions() throws Exception {
        Files.writeString(home.resolve("openclaw.toml"), "[gateway]\nprot = 1\n\n[storge]\nurl = \"x\"\n");
        assertThat(gateway()).isEqualTo(2);
        assertThat(err.toString())
                .contains(":2:")
                .contains("gateway.prot")
                .contains("port")
                .contains(":4:")
                .contains("storge");
        assertDataUntouched();
    }

    @Test
    void auth_none_on_a_public_bind_is_refused_with_exit_2() throws Exception {
        Files.writeString(
                home.resolve("openclaw.toml"), "[gateway]\nbind = \"lan\"\n[gateway.auth]\nmode = \"none\"\n");
        assertThat(gateway("--port", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("refusing to start").contains("mode = \"token\"");
        assertDataUntouched();
    }

    @Test
    void a_taken_port_is_named_with_how_to_change_it() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Path out = scratch.resolve("out.log");
            Process p = GatewayProcessHandle.start(home, out, List.of(), "gateway", "--port", Integer.toString(port));
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(1);
            assertThat(Files.readString(out))
                    .contains("port " + port)
                    .contains("already in use")
                    .contains("--port");
        }
        assertDataUntouched();
    }

    @Test
    void an_unusable_state_directory_is_named() throws Exception {
        Path file = Files.writeString(scratch.resolve("not-a-dir"), "x");
        Path badHome = file.resolve("openclaw");
        Path out = scratch.resolve("out.log");
        Path config = Files.writeString(scratch.resolve("openclaw.toml"), "[gateway]\nport = 18799\n");
        Process p = GatewayProcessHandle.start(badHome, out, List.of(), "--config", config.toString(), "gateway");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(Files.readString(out)).contains(badHome.toString()).contains("OPENCLAW_HOME");
        assertThat(Files.readString(file)).isEqualTo("x");
    }
}
