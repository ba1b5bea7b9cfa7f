package openclaw.provider.openai;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import openclaw.provider.StreamingHttp;
import openclaw.sdk.provider.ChatRequest;
import openclaw.sdk.provider.ChatStream;
import openclaw.sdk.provider.ModelProvider;
import openclaw.sdk.provider.ProviderException;

/**
 * The OpenAI Responses API as a {@link ModelProvider}, over HTTP SSE or WebSocket mode (protocols.md sections 3 and
 * 4). With WebSocket mode each non-empty {@link ChatRequest#sessionKey()} keeps one socket, reused across turns and
 * chained with {@code previous_response_id} so later turns send only their new input items; an empty session key gets
 * a socket per turn. Under {@link ResponsesSettings.Transport#AUTO}, a socket that cannot be opened or dies before any
 * output sends the turn over SSE and keeps the provider on SSE for the configured cool-down.
 *
 * <p>Thread-safe: created once by the wiring and shared by all sessions; per-session transport state lives in a
 * concurrent map and is never conversation content.
 */
public final class OpenAiResponsesProvider implements ModelProvider {

    private static final System.Logger LOG = System.getLogger(OpenAiResponsesProvider.class.getName());

    private final String id;
    private final URI baseUrl;
    private final String apiKey;
    private final ResponsesSettings settings;
    private final StreamingHttp http;
    private final ResponsesWsConnector connector;
    private final Clock clock;
    private final ConcurrentHashMap<String, ResponsesWsSession> sessions = new ConcurrentHashMap<>();
    private volatile Instant sseUntil = Instant.MIN;

    private OpenAiResponsesProvider(String id, URI baseUrl, String apiKey, ResponsesSettings settings, Clock clock) {
        this.id = Objects.requireNonNull(id, "id");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = clock;
        this.http = StreamingHttp.standard();
        HttpClient wsClient =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.connector = new ResponsesWsConnector(id, wsClient, baseUrl, apiKey, settings.warmupModels(), clock);
    }

    /**
     * A provider for {@code baseUrl} (e.g. {@code https://api.openai.com/v1}).
     *
     * @param id the provider id used in model references, e.g. {@code "openai"}
     * @param baseUrl the API base URL; {@code /responses} is appended, {@code http(s)} becomes {@code ws(s)} for sockets
     * @param apiKey the bearer token
     * @param settings transport, warm-up models and SSE cool-down
     */
    public static OpenAiResponsesProvider create(String id, URI baseUrl, String apiKey, ResponsesSettings settings) {
        return new OpenAiResponsesProvider(id, baseUrl, apiKey, settings, Clock.systemUTC());
    }

    /** As {@link #create} with a clock, for tests of socket age and cool-down. */
    static OpenAiResponsesProvider create(
            String id, URI baseUrl, String apiKey, ResponsesSettings settings, Clock clock) {
        return new OpenAiResponsesProvider(id, baseUrl, apiKey, settings, clock);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ChatStream stream(ChatRequest request) {
        return switch (settings.transport()) {
            case SSE -> sse(request);
            case WEBSOCKET -> webSocket(request, Optional.empty());
            case AUTO ->
                clock.instant().isBefore(sseUntil)
                        ? sse(request)
                        : webSocket(request, Optional.of(() -> {
                            coolDown("the WebSocket died before any output");
                            return sse(request);
                        }));
        };
    }

    private ChatStream sse(ChatRequest request) {
        return ResponsesSseStream.open(id, http, baseUrl, apiKey, request);
    }

    private ChatStream webSocket(ChatRequest request, Optional<Supplier<ChatStream>> fallback) {
        ResponsesWsSession session = request.sessionKey().isEmpty()
                ? ResponsesWsSession.perTurn()
                : sessions.computeIfAbsent(request.sessionKey(), k -> ResponsesWsSession.reused());
        if (!session.isPerTurn() && !session.tryAcquire()) {
            // One response in flight per connection: a concurrent turn of the same session gets its own socket.
            session = ResponsesWsSession.perTurn();
        }
        try {
            return ResponsesWebSocketStream.start(connector, session, request, fallback);
        } catch (ProviderException e) {
            if (fallback.isEmpty()) {
                throw e;
            }
            coolDown("the WebSocket could not be used: " + e.getMessage());
            return sse(request);
        }
    }

    private void coolDown(String why) {
        sseUntil = clock.instant().plus(settings.sseFallbackCooldown());
        LOG.log(
                System.Logger.Level.WARNING,
                "{0}: using SSE for {1} because {2}",
                id,
                settings.sseFallbackCooldown(),
                why);
    }
}
