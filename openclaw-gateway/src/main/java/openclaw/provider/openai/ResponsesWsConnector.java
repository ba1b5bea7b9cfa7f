package openclaw.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import openclaw.sdk.provider.ChatRequest;

/**
 * Opens Responses WebSocket-mode sockets for sessions: the upgrade to {@code ws(s)://…/responses}, then, for models in
 * the warm-up set, a {@code generate:false} {@code response.create} answered by {@code response.completed} within
 * {@link #WARMUP_WAIT}. A failed warm-up is logged and the turn continues; a warm-up that timed out or killed the
 * socket is followed by one fresh socket without warm-up, so a late warm-up event can never be read as part of the
 * turn. Thread-safe (stateless apart from the shared HTTP client).
 */
final class ResponsesWsConnector {

    static final Duration WARMUP_WAIT = Duration.ofSeconds(8);

    private static final System.Logger LOG = System.getLogger(ResponsesWsConnector.class.getName());

    private final String provider;
    private final HttpClient client;
    private final URI uri;
    private final String apiKey;
    private final Set<String> warmupModels;
    private final Clock clock;

    ResponsesWsConnector(
            String provider, HttpClient client, URI baseUrl, String apiKey, Set<String> warmupModels, Clock clock) {
        this.provider = provider;
        this.client = client;
        this.uri = webSocketUri(baseUrl);
        this.apiKey = apiKey;
        this.warmupModels = Set.copyOf(warmupModels);
        this.clock = clock;
    }

    /** {@code http}→{@code ws}, {@code https}→{@code wss}, plus {@code /responses}, as the OpenAI SDK builds it. */
    static URI webSocketUri(URI baseUrl) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return URI.create(base.replaceFirst("^http", "ws") + "/responses");
    }

    String provider() {
        return provider;
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * The session's open socket, or a newly opened (and warmed-up) one installed in the session.
     *
     * @throws openclaw.sdk.provider.ProviderException when no socket can be opened
     */
    ResponsesSocket socketFor(ResponsesWsSession session, ChatRequest request) {
        Optional<ResponsesSocket> current = session.usableSocket(now());
        if (current.isPresent()) {
            return current.get();
        }
        return reconnect(session, request);
    }

    /** Replaces the session's socket with a new one. */
    ResponsesSocket reconnect(ResponsesWsSession session, ChatRequest request) {
        session.discardSocket(true);
        ResponsesSocket socket = ResponsesSocket.open(provider, client, uri, apiKey, clock);
        if (warmupModels.contains(request.model()) && !warmUp(socket, request)) {
            socket.abort();
            socket = ResponsesSocket.open(provider, client, uri, apiKey, clock);
        }
        session.install(socket);
        return socket;
    }

    /** Sends the warm-up and waits for its end; false when the socket must not be used for the turn. */
    private boolean warmUp(ResponsesSocket socket, ChatRequest request) {
        socket.send(provider, ResponsesRequests.warmupFrame(request).toString());
        Instant deadline = now().plus(WARMUP_WAIT);
        while (true) {
            Duration left = Duration.between(now(), deadline);
            Optional<ResponsesSocket.Frame> frame =
                    left.isNegative() || left.isZero() ? Optional.empty() : socket.poll(left);
            if (frame.isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "{0} warm-up got no answer in {1}", provider, WARMUP_WAIT);
                return false;
            }
            if (frame.get() instanceof ResponsesSocket.Frame.Ended ended) {
                LOG.log(System.Logger.Level.WARNING, "{0} socket ended during warm-up: {1}", provider, ended.why());
                return false;
            }
            String json = ((ResponsesSocket.Frame.Text) frame.get()).json();
            String type = ResponsesSseStream.parse(json)
                    .map(n -> n.path("type").asText(""))
                    .orElse("");
            switch (type) {
                case "response.completed" -> {
                    return true;
                }
                case "response.failed", "error" -> {
                    String code = ResponsesSseStream.parse(json)
                            .map(ResponsesEventMapper::errorCode)
                            .orElse("");
                    LOG.log(System.Logger.Level.WARNING, "{0} warm-up failed ({1}); continuing", provider, code);
                    return true;
                }
                default -> {
                    // response.created, rate_limits.updated, …: keep waiting
                }
            }
        }
    }

    /** The parsed frame, empty for malformed JSON. */
    static Optional<JsonNode> parse(ResponsesSocket.Frame.Text frame) {
        return ResponsesSseStream.parse(frame.json());
    }
}
