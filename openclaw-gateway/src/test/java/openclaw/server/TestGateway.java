package openclaw.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import openclaw.config.OpenClawHome;

/** An in-process gateway on a free port in a temporary home, with a plain JDK HTTP client pointed at it. */
final class TestGateway implements AutoCloseable {

    static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final Path home;
    final GatewayProcess process;

    private TestGateway(Path home, GatewayProcess process) {
        this.home = home;
        this.process = process;
    }

    /** Starts a gateway with {@code toml} as its config file (empty text for defaults). */
    static TestGateway start(Path home, String toml) {
        try {
            Files.createDirectories(home);
            if (!toml.isEmpty()) {
                Files.writeString(home.resolve("openclaw.toml"), toml);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GatewayOptions options = GatewayOptions.forHome(new OpenClawHome(home), Map.of())
                .withPort(0)
                .withoutLoggingSetup();
        return new TestGateway(home, GatewayProcess.start(options));
    }

    String token() {
        try {
            return Files.readString(home.resolve("credentials/gateway.token")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + process.port() + path);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b);
    }

    @Override
    public void close() {
        process.shutdown();
    }
}
