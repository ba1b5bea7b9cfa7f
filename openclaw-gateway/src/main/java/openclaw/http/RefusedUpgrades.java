package openclaw.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers WebSocket upgrades that their endpoint refused: Helidon hands such a request to HTTP routing. The endpoint
 * may give its own answer there, where the client's address is known (the Responses socket counts bad credentials
 * against the auth throttle and answers 401 or 429); otherwise the answer is a generic 403. Thread-safe.
 */
final class RefusedUpgrades {

    private final Map<String, SocketEndpoint> byPath = new HashMap<>();

    RefusedUpgrades(List<SocketEndpoint> endpoints) {
        endpoints.forEach(e -> byPath.putIfAbsent(e.path(), e));
    }

    void answer(ServerRequest req, ServerResponse res) {
        Optional<SocketEndpoint.Refusal> refusal = Optional.ofNullable(
                        byPath.get(req.path().path()))
                .flatMap(e -> e.refusal(WebSocketAdapter.upgradeOf(req.headers()), remote(req)));
        if (refusal.isPresent()) {
            SocketEndpoint.Refusal r = refusal.get();
            if (r.retryAfterSeconds() > 0) {
                res.header(HeaderNames.RETRY_AFTER, Long.toString(r.retryAfterSeconds()));
            }
            Responses.error(res, Status.create(r.status()), r.type(), r.code(), r.message());
            return;
        }
        Responses.error(
                res,
                Status.FORBIDDEN_403,
                "invalid_request_error",
                "upgrade_refused",
                "websocket upgrade refused: the Origin is not allowed (see [gateway.controlUi] allowedOrigins), the"
                        + " credentials are missing or invalid, or the gateway is still starting");
    }

    private static InetSocketAddress remote(ServerRequest req) {
        SocketAddress address = req.remotePeer().address();
        return address instanceof InetSocketAddress inet ? inet : InetSocketAddress.createUnresolved("unknown", 0);
    }
}
