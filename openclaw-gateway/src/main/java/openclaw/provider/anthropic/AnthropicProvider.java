package openclaw.provider.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import openclaw.provider.ProviderErrors;
import openclaw.provider.StreamingHttp;
import openclaw.sdk.provider.ChatRequest;
import openclaw.sdk.provider.ChatStream;
import openclaw.sdk.provider.ModelProvider;
import openclaw.sdk.provider.ProviderException;

/**
 * The Anthropic Messages API ({@code POST {baseUrl}/v1/messages}, always streamed) as a {@link ModelProvider}. Sends
 * {@code x-api-key} and {@code anthropic-version: 2023-06-01}; the request body is described in {@link
 * AnthropicRequests}, the thinking settings in {@link AnthropicThinking}, the event mapping in {@link
 * AnthropicStream}. HTTP errors become {@link ProviderException}s through {@link ProviderErrors} with Anthropic's
 * {@code error.type} as the code (529 {@code overloaded_error} is retryable).
 *
 * <p>Thread-safe and stateless apart from one shared HTTP client; created by the wiring, which owns the key. The key
 * is never logged nor put into an exception message.
 */
public final class AnthropicProvider implements ModelProvider {

    /** The public API root. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.anthropic.com");

    /** The API version this client speaks. */
    static final String API_VERSION = "2023-06-01";

    private final String id;
    private final URI messagesUri;
    private final String apiKey;
    private final StreamingHttp http;

    private AnthropicProvider(String id, URI baseUrl, String apiKey, StreamingHttp http) {
        this.id = Objects.requireNonNull(id, "id");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.http = Objects.requireNonNull(http, "http");
        String root = baseUrl.toString();
        this.messagesUri =
                URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + "/v1/messages");
    }

    /**
     * A provider with the standard HTTP timeouts.
     *
     * @param id the provider id in config, usually {@code "anthropic"}
     * @param baseUrl the API root without {@code /v1}, normally {@link #DEFAULT_BASE_URL}
     * @param apiKey the key sent as {@code x-api-key}
     */
    public static AnthropicProvider create(String id, URI baseUrl, String apiKey) {
        return new AnthropicProvider(id, baseUrl, apiKey, StreamingHttp.standard());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ChatStream stream(ChatRequest request) {
        String body = AnthropicRequests.body(request).toString();
        StreamingHttp.Open open =
                http.post(id, messagesUri, Map.of("x-api-key", apiKey, "anthropic-version", API_VERSION), body);
        int status = open.response().statusCode();
        if (status / 100 == 2) {
            return new AnthropicStream(id, open, Optional.empty());
        }
        String text = StreamingHttp.readSmallBody(open.response());
        open.close();
        return new AnthropicStream(id, open, Optional.of(httpError(status, open, text)));
    }

    /** The exception for an error response, with {@code error.type} and {@code error.message} from its body. */
    private ProviderException httpError(int status, StreamingHttp.Open open, String text) {
        String code = "";
        String message = "";
        try {
            JsonNode error = AnthropicRequests.JSON.readTree(text).path("error");
            code = error.path("type").asText("");
            message = error.path("message").asText("");
        } catch (JsonProcessingException e) {
            // not Anthropic's error shape (a proxy page, say): fall back to a short excerpt below
        }
        if (code.isEmpty() && message.isEmpty()) {
            message = text.strip().length() > 200 ? text.strip().substring(0, 200) : text.strip();
        }
        return ProviderErrors.fromResponse(id, status, open.response().headers(), code, message);
    }
}
