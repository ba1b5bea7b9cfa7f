package openclaw.http;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import openclaw.auth.Sha256;

/**
 * Serves the WebChat page: {@code GET}/{@code HEAD /} answers {@code index.html}, and {@code /webchat/<file>} the
 * page's scripts, styles and icon, all read once from the classpath ({@code webchat/} in the jar). Only the files in
 * {@link #FILES} exist; anything else under {@code /webchat/} is a 404. Every answer carries a strict
 * Content-Security-Policy (scripts and styles from this origin only, no inline code, WebSocket connections allowed),
 * {@code nosniff}, {@code X-Frame-Options: DENY} and {@code Referrer-Policy: no-referrer}; everything is revalidated
 * ({@code no-cache}) with a content ETag, so a new jar is picked up on the next load. A WebSocket upgrade on {@code /}
 * never reaches these routes: the server hands upgrades to the WebSocket routing by their {@code Upgrade} header.
 */
final class WebChatRoutes {

    /** The asset path prefix. */
    static final String PREFIX = "/webchat/";

    /** Every file of the page, as it is named under {@code webchat/} on the classpath and under {@link #PREFIX}. */
    static final List<String> FILES =
            List.of("index.html", "webchat.css", "app.js", "client.js", "transcript.js", "icon.svg");

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; form-action 'none';"
            + " frame-ancestors 'none'";

    private static final List<Header> SECURITY = List.of(
            HeaderValues.createCached(HeaderNames.create("Content-Security-Policy"), CSP),
            HeaderValues.createCached(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff"),
            HeaderValues.createCached(HeaderNames.create("X-Frame-Options"), "DENY"),
            HeaderValues.createCached(HeaderNames.create("Referrer-Policy"), "no-referrer"),
            HeaderValues.createCached(HeaderNames.CACHE_CONTROL, "no-cache"));

    private static final byte[] NOT_FOUND = "Not Found".getBytes(StandardCharsets.UTF_8);

    /** One file of the page, held in memory. */
    private record Asset(byte[] body, Header contentType, String etag) {}

    /** Loads the files on first use, so a gateway that never serves the page never reads them. */
    private static final class Assets {
        static final Map<String, Asset> ALL = load();
    }

    void register(HttpRouting.Builder routing) {
        ProbeRoutes.getOrHead(routing, "/", (req, res) -> serve(req, res, "index.html"));
        routing.route(Method.GET, PREFIX + "{file}", this::asset);
        routing.route(Method.HEAD, PREFIX + "{file}", this::asset);
        routing.any(PREFIX + "{file}", (req, res) -> Responses.methodNotAllowed(res));
    }

    private void asset(ServerRequest req, ServerResponse res) {
        serve(req, res, req.path().pathParameters().first("file").orElse(""));
    }

    private static void serve(ServerRequest req, ServerResponse res, String name) {
        SECURITY.forEach(res::header);
        Asset asset = Assets.ALL.get(name);
        if (asset == null) {
            res.status(Status.NOT_FOUND_404);
            res.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
            res.send(NOT_FOUND);
            return;
        }
        res.header(asset.contentType());
        res.header(HeaderNames.ETAG, asset.etag());
        Optional<String> ifNoneMatch = req.headers().first(HeaderNames.IF_NONE_MATCH);
        if (ifNoneMatch.isPresent() && matches(ifNoneMatch.get(), asset.etag())) {
            res.status(Status.NOT_MODIFIED_304);
            res.send();
        } else if (req.prologue().method() == Method.HEAD) {
            res.header(HeaderValues.create(HeaderNames.CONTENT_LENGTH, asset.body().length));
            res.send();
        } else {
            res.send(asset.body());
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Asset> load() {
        Map<String, Asset> assets = new HashMap<>();
        for (String name : FILES) {
            byte[] body = read(name);
            Header type = HeaderValues.createCached(HeaderNames.CONTENT_TYPE, contentType(name));
            assets.put(name, new Asset(body, type, etag(body)));
        }
        return Map.copyOf(assets);
    }

    private static byte[] read(String name) {
        try (InputStream in = WebChatRoutes.class.getResourceAsStream("/webchat/" + name)) {
            if (in == null) {
                throw new IllegalStateException("webchat/" + name + " is missing from the classpath; rebuild the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read webchat/" + name + " from the classpath", e);
        }
    }

    static String contentType(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return switch (ext) {
            case "html" -> "text/html; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "svg" -> "image/svg+xml";
            default -> throw new IllegalArgumentException("no content type for " + name);
        };
    }

    private static String etag(byte[] body) {
        return '"'
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(Sha256.digest(body))
                        .substring(0, 22)
                + '"';
    }
}
