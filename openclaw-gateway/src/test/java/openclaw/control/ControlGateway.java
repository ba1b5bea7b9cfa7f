package openclaw.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import openclaw.agent.ProviderRegistry;
import openclaw.config.OpenClawHome;
import openclaw.sdk.provider.ModelProvider;
import openclaw.server.AgentWiring;
import openclaw.server.GatewayOptions;
import openclaw.server.GatewayProcess;

/** An in-process gateway on a free port with the {@link EchoProvider} as its only model. */
final class ControlGateway implements AutoCloseable {

    final Path home;
    final GatewayProcess process;

    private ControlGateway(Path home, GatewayProcess process) {
        this.home = home;
        this.process = process;
    }

    static ControlGateway start(Path home, String toml) {
        try {
            Files.createDirectories(home);
            Files.writeString(home.resolve("openclaw.toml"), toml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, ModelProvider> providers = new LinkedHashMap<>();
        providers.put("echo", new EchoProvider());
        GatewayOptions options = GatewayOptions.forHome(new OpenClawHome(home), Map.of())
                .withPort(0)
                .withoutLoggingSetup()
                .withProviders(new AgentWiring.Providers(new ProviderRegistry(providers), Map.of("echo", "echo-1")));
        return new ControlGateway(home, GatewayProcess.start(options));
    }

    int port() {
        return process.port();
    }

    String token() {
        try {
            return Files.readString(home.resolve("credentials/gateway.token")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.shutdown();
    }
}
