package openclaw.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official {@code openclaw} CLI (npm, 2026.9.6) against an in-process gateway. Opt-in: runs only when
 * {@code OPENCLAW_REAL_CLI} names its {@code openclaw.mjs}; {@code OPENCLAW_REAL_CLI_NODE} names a Node 24 binary
 * (default {@code node} on the PATH). The CLI gets a throwaway {@code HOME}, state directory and {@code TMPDIR}, so it
 * never touches {@code ~/.openclaw}; everything stays on loopback. See docs/compatibility.md.
 */
@EnabledIfEnvironmentVariable(named = "OPENCLAW_REAL_CLI", matches = ".+")
class RealCliIT {

    @TempDir
    static Path dir;

    static ControlGateway gateway;

    @BeforeAll
    static void start() {
        gateway = ControlGateway.start(dir.resolve("gateway"), "");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private record Run(int exit, String out, String err) {

        /** The JSON document the command printed (the CLI may print a notice before it). */
        JsonNode json() throws IOException {
            int start = out.indexOf('{');
            int array = out.indexOf('[');
            if (array >= 0 && (start < 0 || array < start)) {
                start = array;
            }
            assertThat(start).as("no JSON in: " + out + err).isNotNegative();
            return RawSocket.JSON.readTree(out.substring(start));
        }
    }

    private static Run openclaw(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(System.getenv().getOrDefault("OPENCLAW_REAL_CLI_NODE", "node"));
        command.add(System.getenv("OPENCLAW_REAL_CLI"));
        command.addAll(List.of(args));
        Path home = Files.createDirectories(dir.resolve("cli-home"));
        Path tmp = Files.createDirectories(dir.resolve("cli-tmp"));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("OPENCLAW_"));
        env.put("HOME", home.toString());
        env.put(
                "OPENCLAW_STATE_DIR",
                Files.createDirectories(dir.resolve("cli-state")).toString());
        env.put("TMPDIR", tmp.toString());
        env.put("NO_COLOR", "1");
        env.put("OPENCLAW_GATEWAY_URL", "ws://127.0.0.1:" + gateway.port());
        env.put("OPENCLAW_GATEWAY_TOKEN", gateway.token());
        pb.redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("openclaw " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Run(
                p.exitValue(),
                Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private String url() {
        return "ws://127.0.0.1:" + gateway.port();
    }

    @Test
    void gateway_health_reports_ok_and_this_gateways_agents() throws Exception {
        Run run = openclaw("gateway", "health", "--url", url(), "--token", gateway.token(), "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode health = run.json();
        assertThat(health.path("ok").asBoolean()).isTrue();
        assertThat(health.path("defaultAgentId").asText()).isEqualTo("main");
        assertThat(health.path("agents").get(0).path("agentId").asText()).isEqualTo("main");
    }

    @Test
    void gateway_status_probes_the_gateway_read_only() throws Exception {
        Run run = openclaw("gateway", "status", "--url", url(), "--token", gateway.token(), "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode rpc = run.json().path("rpc");
        assertThat(rpc.path("ok").asBoolean()).as(run.out()).isTrue();
        assertThat(rpc.path("capability").asText()).isEqualTo("read_only");
    }

    @Test
    void agent_runs_a_turn_through_the_gateway() throws Exception {
        Run run = openclaw("agent", "--message", "hi", "--agent", "main", "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode result = run.json();
        assertThat(result.path("status").asText()).isEqualTo("ok");
        assertThat(result.path("result").path("payloads").get(0).path("text").asText())
                .isEqualTo("echo: hi");
    }

    @Test
    void gateway_call_reaches_status_with_the_clis_params_and_sessions_list() throws Exception {
        Run status = openclaw(
                "gateway",
                "call",
                "status",
                "--url",
                url(),
                "--token",
                gateway.token(),
                "--json",
                "--params",
                "{\"includeChannelSummary\":false,\"includeCliProjection\":true}");
        Run sessions =
                openclaw("gateway", "call", "sessions.list", "--url", url(), "--token", gateway.token(), "--json");

        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.json()
                        .path("cliProjection")
                        .path("agents")
                        .path("defaultId")
                        .asText())
                .isEqualTo("main");
        assertThat(sessions.exit()).as(sessions.err()).isZero();
        assertThat(sessions.json().path("sessions").isArray()).isTrue();
    }
}
