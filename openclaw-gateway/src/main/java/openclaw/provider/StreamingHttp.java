package openclaw.provider;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import openclaw.sdk.provider.ProviderException;

/**
 * POSTs a JSON body with {@code java.net.http} and hands back the response with its body still streaming, so a
 * provider reads one event at a time. One shared client per provider instance (HTTP/1.1 keep-alive, thread-safe);
 * calls block their virtual thread. Closing the returned body cancels the exchange.
 */
public final class StreamingHttp {

    private final HttpClient client;
    private final Duration requestTimeout;

    public StreamingHttp(Duration connectTimeout, Duration requestTimeout) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .build();
        this.requestTimeout = requestTimeout;
    }

    /** A client with 10 s connect and 10 min response timeouts. */
    public static StreamingHttp standard() {
        return new StreamingHttp(Duration.ofSeconds(10), Duration.ofMinutes(10));
    }

    /** A response whose body is an open stream; close it when done. */
    public record Open(HttpResponse<InputStream> response, CompletableFuture<HttpResponse<InputStream>> exchange)
            implements AutoCloseable {

        /** Closes the body and cancels the exchange if it is still running. */
        @Override
        public void close() {
            try {
                response.body().close();
            } catch (IOException ignored) {
                // the connection is being abandoned anyway
            }
            exchange.cancel(true);
        }
    }

    /**
     * Sends the request and waits for the response headers.
     *
     * @throws ProviderException (retryable, status 0) when the server cannot be reached or the connection fails
     */
    public Open post(String provider, URI uri, Map<String, String> headers, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        CompletableFuture<HttpResponse<InputStream>> exchange =
                client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try {
            return new Open(exchange.get(), exchange);
        } catch (ExecutionException e) {
            throw ProviderException.transport(
                    provider + " could not be reached at " + uri.getHost() + ":" + uri.getPort() + ": " + e.getCause(),
                    e.getCause());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw ProviderException.transport(provider + " request interrupted", e);
        }
    }

    /** Reads a whole (error) body, at most 64 KiB, as text. */
    public static String readSmallBody(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            return new String(in.readNBytes(64 * 1024), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
