package openclaw.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import openclaw.http.ApiExchange;

/** Writes JSON answers and errors in the OpenAI envelope. Stateless. */
public final class ApiResponses {

    /** The API's JSON mapper (shared, thread-safe). */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    static final Map<String, String> JSON = Map.of("Content-Type", "application/json", "Cache-Control", "no-store");

    private ApiResponses() {}

    /** Sends {@code body} as JSON with {@code status}. */
    public static void json(ApiExchange exchange, int status, JsonNode body) {
        exchange.respond(status, JSON, bytes(body));
    }

    /** The OpenAI error envelope for {@code error}. */
    public static ObjectNode envelope(ApiError error) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode e = root.putObject("error");
        e.put("message", error.getMessage());
        e.put("type", error.type());
        e.put("param", error.param().orElse(null));
        e.put("code", error.code().orElse(null));
        return root;
    }

    /** Sends {@code error} in the OpenAI envelope, with {@code Retry-After} for 429. */
    public static void error(ApiExchange exchange, ApiError error) {
        Map<String, String> headers = new LinkedHashMap<>(JSON);
        if (error.retryAfterSeconds() > 0) {
            headers.put("Retry-After", Long.toString(error.retryAfterSeconds()));
        }
        if (error.status() == 401) {
            headers.put("WWW-Authenticate", "Bearer");
        }
        exchange.respond(error.status(), headers, bytes(envelope(error)));
    }

    /** JSON bytes of a tree. */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
