package openclaw.openai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

/**
 * An in-process gateway on a free port for API tests: the {@link ScriptModel} as its only model, agents {@code main}
 * (default) and {@code research-bot}, and a JDK HTTP client with the gateway token.
 */
public final class ApiGateway implements AutoCloseable {

    /** Two agents on the script model. */
    public static final String TOML = """
            [agents.main]

            [agents.research-bot]
            systemPrompt = "You research."
            """;

    public final Path home;
    public final GatewayProcess process;
    private final HttpClient http = HttpClient.newHttpClient();

    private ApiGateway(Path home, GatewayProcess process) {
        this.home = home;
        this.process = process;
    }

    public static ApiGateway start(Path home) {
        return start(home, TOML);
    }

    public static ApiGateway start(Path home, String toml) {
        try {
            Files.createDirectories(home);
            Files.writeString(home.resolve("openclaw.toml"), toml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, ModelProvider> providers = new LinkedHashMap<>();
        providers.put("script", new ScriptModel());
        GatewayOptions options = GatewayOptions.forHome(new OpenClawHome(home), Map.of())
                .withPort(0)
                .withoutLoggingSetup()
                .withProviders(new AgentWiring.Providers(new ProviderRegistry(providers), Map.of("script", "s1")));
        return new ApiGateway(home, GatewayProcess.start(options));
    }

    public int port() {
        return process.port();
    }

    public String base() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    public String token() {
        try {
            return Files.readString(home.resolve("credentials/gateway.token")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request to {@code base() + path} with the gateway token. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + token());
    }

    /** Sends and reads the body as text. */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POSTs JSON with the gateway token. */
    public HttpResponse<String> post(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** GETs with the gateway token. */
    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    @Override
    public void close() {
        process.shutdown();
    }
}
