package openclaw.http;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;

/**
 * Shared response writing: JSON with the probe headers, HEAD without a body, 405 with {@code Allow}, and errors in
 * the OpenAI envelope {@code {"error":{"message","type","code"}}} used across the gateway's HTTP surface.
 */
final class Responses {

    static final Header JSON = HeaderValues.createCached(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
    static final Header NO_STORE = HeaderValues.createCached(HeaderNames.CACHE_CONTROL, "no-store");
    static final Header ALLOW_GET_HEAD = HeaderValues.createCached(HeaderNames.ALLOW, "GET, HEAD");
    static final Header WWW_AUTH_BEARER = HeaderValues.createCached(HeaderNames.WWW_AUTHENTICATE, "Bearer");
    private static final byte[] METHOD_NOT_ALLOWED = "Method Not Allowed".getBytes(StandardCharsets.UTF_8);

    private Responses() {}

    /** Sends {@code body} as JSON; for HEAD only the headers (with the body's length). */
    static void json(ServerRequest req, ServerResponse res, Status status, byte[] body) {
        res.status(status);
        res.header(JSON);
        res.header(NO_STORE);
        if (req.prologue().method() == Method.HEAD) {
            res.header(HeaderValues.create(HeaderNames.CONTENT_LENGTH, body.length));
            res.send();
        } else {
            res.send(body);
        }
    }

    /** 405 for a GET/HEAD-only resource. */
    static void methodNotAllowed(ServerResponse res) {
        res.status(Status.METHOD_NOT_ALLOWED_405);
        res.header(ALLOW_GET_HEAD);
        res.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        res.send(METHOD_NOT_ALLOWED);
    }

    /** 401 with the OpenAI-style error body and a {@code WWW-Authenticate: Bearer} challenge. */
    static void unauthorized(ServerResponse res) {
        res.header(WWW_AUTH_BEARER);
        error(
                res,
                Status.UNAUTHORIZED_401,
                "invalid_request_error",
                "unauthorized",
                "missing or invalid gateway token: send 'Authorization: Bearer <token>' (the token is in "
                        + "[gateway.auth] token, OPENCLAW_GATEWAY_TOKEN or $OPENCLAW_HOME/credentials/gateway.token)");
    }

    /** An error in the OpenAI envelope. */
    static void error(ServerResponse res, Status status, String type, String code, String message) {
        StringBuilder sb = new StringBuilder(96 + message.length()).append("{\"error\":{\"message\":");
        Json.string(sb, message);
        sb.append(",\"type\":");
        Json.string(sb, type);
        sb.append(",\"param\":null,\"code\":");
        Json.string(sb, code);
        sb.append("}}");
        res.status(status);
        res.header(JSON);
        res.header(NO_STORE);
        res.send(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
