package openclaw.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import openclaw.agent.ProviderRegistry;
import openclaw.config.OpenClawHome;
import openclaw.server.AgentWiring;
import openclaw.server.GatewayOptions;
import openclaw.server.GatewayProcess;
import openclaw.server.HeapReclaimer;

/**
 * A real gateway for HTTP load scripts: port 0, a throw-away home with the default SQLite store (durable commits),
 * and an instant in-process model ({@link AgentTurnBenchmark.InstantProvider}) as its only provider. Prints
 * {@code <port> <token-file>} on one line, then serves until it is terminated (SIGTERM). Used by
 * {@code bench/openai_bench.sh}.
 */
public final class ApiGatewayMain {

    private ApiGatewayMain() {}

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Path home = Files.createTempDirectory("oc-apibench-");
        Files.writeString(home.resolve("openclaw.toml"), "");
        GatewayOptions options = GatewayOptions.forHome(new OpenClawHome(home), Map.of())
                .withPort(0)
                .withoutLoggingSetup()
                .withProviders(new AgentWiring.Providers(
                        new ProviderRegistry(Map.of("fake", new AgentTurnBenchmark.InstantProvider())),
                        Map.of("fake", "fake-1")));
        GatewayProcess gateway = GatewayProcess.start(options);
        System.out.println(gateway.port() + " " + home.resolve("credentials/gateway.token"));
        System.out.flush();
        HeapReclaimer.startIfSerial(); // as `openclaw gateway` does
        // the script ends us with SIGTERM; the throw-away home (hundreds of MB after a long run) goes with us
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.shutdown();
            try {
                TempDirs.delete(home);
            } catch (java.io.IOException e) {
                System.err.println("could not delete " + home + ": " + e);
            }
        }));
        Thread.currentThread().join();
    }
}
