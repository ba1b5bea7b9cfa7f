package openclaw.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Serves an {@link HttpApi}: reads the body within its limit, then hands the request over. */
final class ApiRoutes {

    private static final Logger LOG = Logger.getLogger(ApiRoutes.class.getName());

    private final HttpApi api;

    ApiRoutes(HttpApi api) {
        this.api = api;
    }

    void register(HttpRouting.Builder routing) {
        routing.any(api.prefix(), this::serve);
        routing.any(api.prefix() + "/*", this::serve);
    }

    private void serve(ServerRequest req, ServerResponse res) {
        long declared = req.headers().contentLength().orElse(-1L);
        if (declared > api.maxBodyBytes()) {
            tooLarge(res);
            return;
        }
        byte[] body;
        try (InputStream in = req.content().inputStream()) {
            body = in.readNBytes(api.maxBodyBytes() + 1);
            if (body.length > api.maxBodyBytes()) {
                tooLarge(res);
                return;
            }
        } catch (IOException | UncheckedIOException e) {
            Responses.error(
                    res,
                    Status.BAD_REQUEST_400,
                    "invalid_request_error",
                    "unreadable_body",
                    "the request body could not be read: " + e.getMessage());
            return;
        }
        try {
            api.handle(new HelidonExchange(req, res, body));
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "request " + req.prologue().method().text() + " "
                            + req.path().path() + " failed",
                    e);
            if (!res.isSent()) {
                Responses.error(
                        res,
                        Status.INTERNAL_SERVER_ERROR_500,
                        "server_error",
                        "internal_error",
                        "the gateway failed to handle the request; see the gateway log");
            }
        }
    }

    private void tooLarge(ServerResponse res) {
        res.header(HeaderNames.CONNECTION, "close");
        Responses.error(
                res,
                Status.REQUEST_ENTITY_TOO_LARGE_413,
                "invalid_request_error",
                "request_too_large",
                "the request body is larger than " + api.maxBodyBytes() / (1024 * 1024) + " MB");
    }
}
