package openclaw.provider.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Map;
import java.util.Objects;
import openclaw.provider.ProviderErrors;
import openclaw.provider.StreamingHttp;
import openclaw.sdk.provider.ChatRequest;
import openclaw.sdk.provider.ChatStream;
import openclaw.sdk.provider.ModelProvider;
import openclaw.sdk.provider.ProviderException;

/**
 * A {@link ModelProvider} for any OpenAI-compatible Chat Completions endpoint: OpenAI, Ollama, vLLM, OpenRouter, LM
 * Studio. A thin {@code java.net.http} client: each turn is one streaming {@code POST {baseUrl}/chat/completions}
 * (body built by {@link ChatCompletionsRequest}, which documents the message and thinking mapping) whose SSE is
 * turned into {@link openclaw.sdk.provider.StreamEvent}s by {@link ChatCompletionsStream}.
 *
 * <p>Created once by the wiring and shared: thread-safe, no per-conversation state, one HTTP client. HTTP errors
 * become {@link ProviderException}s through {@link ProviderErrors} with the error envelope's code and message. The API
 * key is sent only in the {@code Authorization} header and is scrubbed from every error message; an empty key sends no
 * header at all (Ollama, local vLLM).
 */
public final class OpenAiChatProvider implements ModelProvider {

    /** The one mapper of this package; Jackson mappers are thread-safe once configured. */
    static final ObjectMapper JSON = new ObjectMapper();

    private static final int MAX_PLAIN_ERROR_CHARS = 300;

    private final String id;
    private final URI endpoint;
    private final String apiKey;
    private final StreamingHttp http;

    private OpenAiChatProvider(String id, URI endpoint, String apiKey, StreamingHttp http) {
        this.id = id;
        this.endpoint = endpoint;
        this.apiKey = apiKey;
        this.http = http;
    }

    /**
     * A provider talking to {@code baseUrl} with the standard timeouts.
     *
     * @param id the provider id used in config and model references, e.g. {@code "openai"} or {@code "ollama"}
     * @param baseUrl the API root including its version segment, e.g. {@code https://api.openai.com/v1} or {@code
     *     http://127.0.0.1:11434/v1}; a trailing slash is allowed
     * @param apiKey the bearer token, or empty to send no {@code Authorization} header
     * @return the provider
     */
    public static OpenAiChatProvider create(String id, URI baseUrl, String apiKey) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        String base = baseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return new OpenAiChatProvider(id, URI.create(base + "/chat/completions"), apiKey, StreamingHttp.standard());
    }

    @Override
    public String id() {
        return id;
    }

    /**
     * Sends the request and waits for the response headers.
     *
     * @throws ProviderException when the server cannot be reached or answers with an HTTP error
     */
    @Override
    public ChatStream stream(ChatRequest request) {
        String body = ChatCompletionsRequest.json(request);
        Map<String, String> headers = apiKey.isEmpty()
                ? Map.of("accept", "text/event-stream")
                : Map.of("accept", "text/event-stream", "authorization", "Bearer " + apiKey);
        StreamingHttp.Open open = http.post(id, endpoint, headers, body);
        int status = open.response().statusCode();
        if (status < 200 || status > 299) {
            String text = StreamingHttp.readSmallBody(open.response());
            open.close();
            throw httpError(status, open.response().headers(), text);
        }
        return new ChatCompletionsStream(id, open, this::redact);
    }

    private ProviderException httpError(int status, HttpHeaders headers, String body) {
        String code = "";
        String message;
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode error = root.path("error");
            if (error.isObject()) {
                code = text(error.path("code"));
                code = code.isEmpty() ? text(error.path("type")) : code;
                message = text(error.path("message"));
            } else if (error.isTextual()) {
                message = error.asText();
            } else {
                // vLLM's flat shape: {"object":"error","message":...,"type":...,"code":404}
                code = text(root.path("type"));
                message = text(root.path("message"));
            }
        } catch (JsonProcessingException e) {
            // A proxy or load balancer answered with HTML or plain text: show the start of it.
            String plain = body.strip();
            message = plain.length() > MAX_PLAIN_ERROR_CHARS ? plain.substring(0, MAX_PLAIN_ERROR_CHARS) : plain;
        }
        return ProviderErrors.fromResponse(id, status, headers, redact(code), redact(message));
    }

    /** Removes the API key from text that came back from the server (some servers echo the key they rejected). */
    private String redact(String text) {
        return apiKey.isEmpty() ? text : text.replace(apiKey, "***");
    }

    /** The text of a string or number node, empty for anything else (null, missing, objects). */
    static String text(JsonNode node) {
        return node.isTextual() || node.isNumber() ? node.asText() : "";
    }
}
