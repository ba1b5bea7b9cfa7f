package openclaw.openai;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.logging.Logger;
import openclaw.http.SocketEndpoint;

/**
 * The Responses API's WebSocket mode on {@code /v1/responses} (the URL the official SDKs derive from the base URL).
 * An upgrade needs {@code Authorization: Bearer} with the gateway token or an API key of scope {@code chat} (or
 * {@code admin}), and a browser {@code Origin} the gateway allows, as for the control socket. Each accepted socket gets
 * a {@link ResponsesConnection}. A refused upgrade is answered as the HTTP API answers the same credentials (401, 403
 * for a key without scope {@code chat}, 429 with {@code Retry-After} once the address is locked out), and counts
 * against the gateway's failed-auth throttle; a locked-out address that upgrades with valid credentials gets an
 * error event and close 1008. Thread-safe.
 */
final class ResponsesSocket implements SocketEndpoint {

    /** OpenAI's maximum connection age. */
    static final Duration MAX_AGE = Duration.ofMinutes(60);

    /** The system property that shortens the connection age (ISO-8601, e.g. {@code PT2S}); for tests. */
    static final String MAX_AGE_PROPERTY = "openclaw.openai.responses.maxConnectionAge";

    private static final Logger LOG = Logger.getLogger(ResponsesSocket.class.getName());

    /** One daemon thread for every socket's age limit. */
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("responses-ws-age").daemon(true).factory());

    private final ApiContext context;
    private final ApiAuth auth;
    private final ApiMetrics metrics;
    private final Function<Upgrade, Optional<String>> origins;
    private final Duration maxAge;
    private final ResponseTurn turn;

    /**
     * @param origins the browser-origin check shared with the control socket: empty to allow, else why not
     * @param maxAge how long a connection may live
     */
    ResponsesSocket(
            ApiContext context, ApiMetrics metrics, Function<Upgrade, Optional<String>> origins, Duration maxAge) {
        this.context = context;
        this.auth = new ApiAuth(context);
        this.metrics = metrics;
        this.origins = origins;
        this.maxAge = maxAge;
        this.turn = new ResponseTurn(context);
    }

    /** The age limit: {@link #MAX_AGE} unless the system property {@value #MAX_AGE_PROPERTY} sets another. */
    static Duration configuredMaxAge() {
        String value = System.getProperty(MAX_AGE_PROPERTY, "");
        if (value.isBlank()) {
            return MAX_AGE;
        }
        try {
            return Duration.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            LOG.warning(() -> MAX_AGE_PROPERTY + " is not an ISO-8601 duration (" + value + "); using 60 minutes");
            return MAX_AGE;
        }
    }

    @Override
    public String path() {
        return "/v1/responses";
    }

    @Override
    public Optional<String> refuse(Upgrade upgrade) {
        Optional<String> origin = origins.apply(upgrade);
        if (origin.isPresent()) {
            return origin;
        }
        if (caller(upgrade).isEmpty()) {
            return Optional.of("missing or invalid credentials: send 'Authorization: Bearer <gateway token or API key"
                    + " with scope chat>'");
        }
        return Optional.empty();
    }

    @Override
    public Optional<Refusal> refusal(Upgrade upgrade, InetSocketAddress remote) {
        Optional<String> origin = origins.apply(upgrade);
        if (origin.isPresent()) {
            return Optional.of(new Refusal(403, "invalid_request_error", "origin_not_allowed", origin.get(), 0));
        }
        ApiError error;
        try {
            ApiCall.Caller caller = auth.authenticate(upgrade.header("authorization"), address(remote));
            error = ApiError.forbidden("API key '" + caller.name() + "' may not use the Responses API; it needs"
                    + " scope chat or admin (openclaw apikeys create --scope chat)");
        } catch (ApiError e) {
            error = e;
        }
        return Optional.of(new Refusal(
                error.status(),
                error.type(),
                error.code().orElse("upgrade_refused"),
                error.getMessage(),
                error.retryAfterSeconds()));
    }

    @Override
    public Handler open(Upgrade upgrade, InetSocketAddress remote, Outbound out) {
        Optional<Duration> locked = context.throttle().lockedOut(address(remote));
        if (locked.isPresent()) {
            // valid credentials, but this address has failed too often: no turns for it until the lockout ends
            out.send(ResponsesConnection.errorFrame(ApiAuth.tooMany(locked.get())));
            out.close(1008, "locked out");
            return new Handler() {
                @Override
                public void onText(String message) {} // the socket is closed

                @Override
                public int maxMessageBytes() {
                    return 1024;
                }

                @Override
                public void onClose(int code, String reason) {}
            };
        }
        String caller = caller(upgrade).map(ApiCall.Caller::name).orElse("unknown");
        ResponsesConnection connection = new ResponsesConnection(
                new ResponsesConnection.Services(context, metrics, turn, caller), upgrade.headers(), out);
        connection.limitAge(TIMER, maxAge);
        return connection;
    }

    private static String address(InetSocketAddress remote) {
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    /** The caller an upgrade authenticates as, if its credentials are valid and may use the Responses API. */
    private Optional<ApiCall.Caller> caller(Upgrade upgrade) {
        return auth.identify(upgrade.header("authorization"))
                .filter(c -> c.scope().allows(Scope.CHAT));
    }
}
