package openclaw.openai;

import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import openclaw.http.ApiExchange;
import openclaw.http.HttpApi;
import openclaw.http.SocketEndpoint;

/**
 * The OpenAI-compatible API on {@code /v1}: authenticates, routes, counts, and turns every {@link ApiError} (and any
 * unexpected failure) into the OpenAI error envelope. {@code GET /v1/health} needs no credentials.
 */
public final class OpenAiApi implements HttpApi {

    private static final Logger LOG = Logger.getLogger(OpenAiApi.class.getName());

    /** Request bodies above 20 MB get 413, as OpenClaw's limit. */
    public static final int MAX_BODY_BYTES = 20 * 1024 * 1024;

    private final ApiContext context;
    private final Router router = new Router();
    private final ApiAuth auth;
    private final ApiMetrics metrics;

    public OpenAiApi(ApiContext context) {
        this.context = context;
        this.auth = new ApiAuth(context);
        this.metrics = new ApiMetrics(context.metrics());
        ModelsRoutes.register(router);
        ChatCompletionsRoutes.register(router);
        AssistantRoutes.register(router, context);
        ResponsesRoutes.register(router);
    }

    /**
     * The Responses API's WebSocket mode on {@code /v1/responses}, for the listener's socket list.
     *
     * @param origins the browser-origin check of the control socket: empty to allow an upgrade, else why not
     */
    public SocketEndpoint responsesSocket(Function<SocketEndpoint.Upgrade, Optional<String>> origins) {
        return new ResponsesSocket(context, metrics, origins, ResponsesSocket.configuredMaxAge());
    }

    @Override
    public String prefix() {
        return "/v1";
    }

    @Override
    public int maxBodyBytes() {
        return MAX_BODY_BYTES;
    }

    @Override
    public void handle(ApiExchange exchange) {
        String path = exchange.path();
        String method = exchange.method();
        if (path.equals("/v1/health") || path.equals("/v1/health/")) {
            health(exchange, method);
            return;
        }
        String endpoint = null; // known once the route matched; else looked up for the error's count
        int status = 200;
        try {
            ApiCall.Caller caller = auth.authenticate(exchange.header("Authorization"), exchange.remoteAddress());
            Router.Match match = router.match(method, path);
            endpoint = match.route().endpoint();
            if (!caller.scope().allows(match.route().scope())) {
                throw ApiError.forbidden("This key has scope '" + caller.scope().label() + "'; " + method + " " + path
                        + " needs scope '" + match.route().scope().label() + "' (openclaw apikeys create --scope "
                        + match.route().scope().label() + ").");
            }
            metrics.migration(endpoint, caller.name());
            match.route().handler().handle(new ApiCall(exchange, match.params(), caller, context));
        } catch (ApiError e) {
            status = e.status();
            ApiResponses.error(exchange, e);
        } catch (RuntimeException e) {
            status = 500;
            LOG.log(Level.WARNING, method + " " + path + " failed", e);
            ApiResponses.error(exchange, ApiError.server("The gateway failed to handle the request; see its log."));
        } finally {
            metrics.request(endpoint != null ? endpoint : router.endpointOf(path), status);
        }
    }

    private void health(ApiExchange exchange, String method) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            metrics.request("health", 405);
            ApiResponses.error(exchange, ApiError.methodNotAllowed(method, "/v1/health"));
            return;
        }
        metrics.request("health", 200);
        ApiResponses.json(
                exchange,
                200,
                ApiResponses.MAPPER.createObjectNode().put("ok", true).put("status", "live"));
    }
}
