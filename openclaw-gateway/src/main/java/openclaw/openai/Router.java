package openclaw.openai;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Matches method and path to a route. Paths are patterns with {@code {name}} segments, e.g.
 * {@code /v1/threads/{thread_id}/runs}. A path that exists with another method is a 405, else a 404.
 */
public final class Router {

    /** Handles one matched request. */
    @FunctionalInterface
    public interface Handler {
        void handle(ApiCall call);
    }

    /**
     * One route.
     *
     * @param method HTTP method
     * @param segments the pattern split at {@code /}
     * @param scope the scope a caller needs
     * @param endpoint the metrics label, e.g. {@code chat.completions}
     * @param handler what answers it
     */
    record Route(String method, String[] segments, Scope scope, String endpoint, Handler handler) {}

    /** A matched route with its path parameters. */
    record Match(Route route, Map<String, String> params) {}

    private final List<Route> routes = new ArrayList<>();

    /** Adds a route; {@code pattern} like {@code /v1/models/{model}}. */
    public Router add(String method, String pattern, Scope scope, String endpoint, Handler handler) {
        routes.add(new Route(method, split(pattern), scope, endpoint, handler));
        return this;
    }

    /**
     * The route for a request.
     *
     * @throws ApiError 405 when the path exists with other methods, 404 when it does not exist
     */
    Match match(String method, String path) {
        String[] parts = split(path);
        TreeSet<String> allowed = new TreeSet<>();
        for (Route r : routes) {
            Optional<Map<String, String>> params = params(r.segments(), parts);
            if (params.isEmpty()) {
                continue;
            }
            if (r.method().equals(method)) {
                return new Match(r, params.get());
            }
            allowed.add(r.method());
        }
        if (!allowed.isEmpty()) {
            throw ApiError.methodNotAllowed(method, path);
        }
        throw ApiError.unknownUrl(method, path);
    }

    /** The metrics label for a path whatever its method ({@code unknown} for paths the API does not have). */
    String endpointOf(String path) {
        String[] parts = split(path);
        for (Route r : routes) {
            if (params(r.segments(), parts).isPresent()) {
                return r.endpoint();
            }
        }
        return "unknown";
    }

    private static Optional<Map<String, String>> params(String[] pattern, String[] parts) {
        if (pattern.length != parts.length) {
            return Optional.empty();
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("}")) {
                if (parts[i].isEmpty()) {
                    return Optional.empty();
                }
                params.put(p.substring(1, p.length() - 1), parts[i]);
            } else if (!p.equals(parts[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    private static String[] split(String path) {
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return trimmed.split("/", -1);
    }
}
