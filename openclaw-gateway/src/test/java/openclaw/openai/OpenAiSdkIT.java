package openclaw.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the official {@code openai} npm SDK suite ({@code clients/openai-node}, installed by {@code .ci/run}) against an
 * in-process gateway with the script model. Outside CI it is skipped when the SDK is not installed; in CI
 * ({@code CI=true}) a missing SDK fails.
 */
class OpenAiSdkIT {

    @TempDir
    Path home;

    @Test
    void the_official_openai_node_sdk_suite_passes_against_the_gateway() throws Exception {
        Path dir = clientsDir();
        boolean installed = Files.isDirectory(dir.resolve("node_modules/openai"));
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(installed, "run 'npm ci' in clients/openai-node to enable this test");
        }
        assertThat(installed)
                .as("clients/openai-node/node_modules (npm ci, done by .ci/run)")
                .isTrue();
        try (ApiGateway gateway = ApiGateway.start(home.resolve("gw"))) {
            ProcessBuilder pb = new ProcessBuilder(
                            "node", "--test", "--test-concurrency=1", "--test-reporter=spec", "test/")
                    .directory(dir.toFile())
                    .redirectErrorStream(true);
            pb.environment().put("OPENCLAW_BASE_URL", gateway.base());
            pb.environment().put("OPENCLAW_TOKEN", gateway.token());
            pb.environment().remove("OPENAI_API_KEY");
            pb.environment().remove("OPENAI_BASE_URL");
            Process node = pb.start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(node.waitFor(5, TimeUnit.MINUTES)).isTrue();
            System.out.println(output);
            assertThat(node.exitValue()).as(output).isZero();
            assertThat(output).contains("ℹ fail 0").doesNotContain("✖");
        }
    }

    private static Path clientsDir() throws IOException {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("clients/openai-node"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IOException(
                    "clients/openai-node not found above " + Path.of("").toAbsolutePath());
        }
        return p.resolve("clients/openai-node");
    }
}
