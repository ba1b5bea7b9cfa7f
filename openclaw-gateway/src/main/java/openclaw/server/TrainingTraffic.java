package openclaw.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import openclaw.sdk.OpenClawException;

/** The requests the AOT training run sends, so their code paths are linked and profiled in the cache. */
final class TrainingTraffic {

    private static final int TRAINING_ROUNDS = Integer.getInteger("openclaw.trainingRounds", 1);

    private TrainingTraffic() {}

    static void run(int port, Path tokenFile) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + port;
        try {
            String token = Files.readString(tokenFile).strip();
            for (int i = 0; i < TRAINING_ROUNDS; i++) {
                for (String path : List.of("/healthz", "/readyz", "/startupz", "/health", "/ready")) {
                    expect(
                            client,
                            HttpRequest.newBuilder(URI.create(base + path)).build(),
                            200);
                }
            }
            expect(client, HttpRequest.newBuilder(URI.create(base + "/metrics")).build(), 200);
            expect(
                    client,
                    HttpRequest.newBuilder(URI.create(base + "/__openclaw__/status"))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    200);
            expect(
                    client,
                    HttpRequest.newBuilder(URI.create(base + "/__openclaw__/status"))
                            .build(),
                    401);
        } catch (IOException e) {
            throw new OpenClawException("training request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenClawException("training interrupted", e);
        }
    }

    private static void expect(HttpClient client, HttpRequest request, int status)
            throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != status) {
            throw new OpenClawException(request.uri() + " answered " + response.statusCode() + ", expected " + status);
        }
    }
}
