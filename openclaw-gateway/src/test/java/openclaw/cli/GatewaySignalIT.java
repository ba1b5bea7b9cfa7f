package openclaw.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import openclaw.lifecycle.PidFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real process: `openclaw gateway` in a child JVM, then `gateway status`, SIGTERM and `gateway stop`. */
class GatewaySignalIT {

    @TempDir
    Path home;

    @TempDir
    Path scratch;

    private int runCli(ByteArrayOutputStream out, String... args) {
        return Cli.execute(
                args,
                Map.of("OPENCLAW_HOME", home.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private Process startGateway(Path log) throws Exception {
        Process p = GatewayProcessHandle.start(home, log, List.of(), "gateway", "run", "--port", "0");
        Path pidFile = home.resolve("state/gateway.pid");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> PidFile.readLive(pidFile).isPresent() || !p.isAlive());
        assertThat(p.isAlive())
                .as(Files.exists(log) ? Files.readString(log) : "no output")
                .isTrue();
        return p;
    }

    @Test
    void sigterm_drains_closes_storage_removes_the_pid_file_and_exits_zero() throws Exception {
        Path log = scratch.resolve("gateway-out.log");
        Process p = startGateway(log);
        PidFile card = PidFile.readLive(home.resolve("state/gateway.pid")).orElseThrow();
        assertThat(card.pid()).isEqualTo(p.pid());
        HttpResponse<String> ready = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + card.port() + "/readyz"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);

        p.destroy(); // SIGTERM
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(home.resolve("state/gateway.pid")).doesNotExist();
        String output = Files.readString(log);
        assertThat(output)
                .contains("gateway listening on http://127.0.0.1:")
                .contains("shutting down")
                .contains("gateway stopped");
        String token =
                Files.readString(home.resolve("credentials/gateway.token")).strip();
        assertThat(output).doesNotContain(token);
        assertThat(Files.readString(home.resolve("logs/gateway.log.0")))
                .contains("\"msg\":\"gateway stopped\"")
                .doesNotContain(token);
    }

    @Test
    void status_reports_the_running_gateway_and_stop_ends_it() throws Exception {
        Process p = startGateway(scratch.resolve("gateway-out2.log"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(runCli(out, "gateway", "status")).as(out.toString()).isZero();
        assertThat(out.toString())
                .contains("Gateway:   started (pid " + p.pid() + ")")
                .contains("Version:   ")
                .contains("Uptime:    ")
                .contains("Listening: http://127.0.0.1:")
                .contains("Storage:   sqlite ");
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        assertThat(runCli(json, "gateway", "status", "--json")).isZero();
        assertThat(json.toString()).contains("\"uptimeMs\"").contains("\"storage\"");

        ByteArrayOutputStream stop = new ByteArrayOutputStream();
        assertThat(runCli(stop, "gateway", "stop")).as(stop.toString()).isZero();
        assertThat(stop.toString()).contains("gateway stopped (pid " + p.pid() + ")");
        assertThat(p.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();

        ByteArrayOutputStream after = new ByteArrayOutputStream();
        assertThat(runCli(after, "gateway", "status")).isEqualTo(1);
        assertThat(after.toString()).contains("no gateway is running");
        assertThat(runCli(new ByteArrayOutputStream(), "gateway", "stop")).isEqualTo(1);
    }
}
