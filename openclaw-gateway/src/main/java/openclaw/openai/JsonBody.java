package openclaw.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/**
 * Typed access to a JSON request body: every wrong type or missing required field becomes a 400 naming the
 * parameter, as OpenAI answers it.
 */
public final class JsonBody {

    private final ObjectNode node;

    private JsonBody(ObjectNode node) {
        this.node = node;
    }

    /** Parses a request body that must be a JSON object. */
    public static JsonBody parse(byte[] body) {
        if (body.length == 0) {
            throw ApiError.invalidCode(
                    "invalid_json", "We could not parse the JSON body of your request: the body is empty.");
        }
        JsonNode parsed;
        try {
            parsed = ApiResponses.MAPPER.readTree(body);
        } catch (IOException e) {
            throw ApiError.invalidCode(
                    "invalid_json",
                    "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your"
                            + " HTTP library correctly. The OpenAI API expects a JSON payload.)");
        }
        if (parsed == null || !parsed.isObject()) {
            throw ApiError.invalidCode("invalid_json", "The request body must be a JSON object.");
        }
        return new JsonBody((ObjectNode) parsed);
    }

    /** An empty body for requests that may omit it. */
    public static JsonBody parseOrEmpty(byte[] body) {
        return body.length == 0 ? new JsonBody(ApiResponses.MAPPER.createObjectNode()) : parse(body);
    }

    /** Wraps an object already parsed (e.g. a nested object). */
    public static JsonBody of(ObjectNode node) {
        return new JsonBody(node);
    }

    public ObjectNode node() {
        return node;
    }

    /** Whether the field is present and not null. */
    public boolean has(String field) {
        return node.hasNonNull(field);
    }

    /** The raw value, empty when missing or null. */
    public Optional<JsonNode> get(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    public String requiredString(String field) {
        return string(field).orElseThrow(() -> ApiError.invalid(field, "Missing required parameter: '" + field + "'."));
    }

    public Optional<String> string(String field) {
        return get(field).map(v -> {
            if (!v.isTextual()) {
                throw wrongType(field, "a string", v);
            }
            return v.asText();
        });
    }

    public Optional<Boolean> bool(String field) {
        return get(field).map(v -> {
            if (!v.isBoolean()) {
                throw wrongType(field, "a boolean", v);
            }
            return v.asBoolean();
        });
    }

    /** An integer within {@code [min, max]}. */
    public Optional<Integer> integer(String field, int min, int max) {
        return get(field).map(v -> {
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw wrongType(field, "an integer", v);
            }
            int i = v.asInt();
            if (i < min || i > max) {
                throw ApiError.invalid(
                        field,
                        "Invalid '" + field + "': " + i + " is out of range; expected a value between " + min + " and "
                                + max + ".");
            }
            return i;
        });
    }

    /** A number (temperature, top_p): only its type is checked. */
    public Optional<Double> number(String field) {
        return get(field).map(v -> {
            if (!v.isNumber()) {
                throw wrongType(field, "a number", v);
            }
            return v.asDouble();
        });
    }

    public Optional<ObjectNode> object(String field) {
        return get(field).map(v -> {
            if (!v.isObject()) {
                throw wrongType(field, "an object", v);
            }
            return (ObjectNode) v;
        });
    }

    public Optional<com.fasterxml.jackson.databind.node.ArrayNode> array(String field) {
        return get(field).map(v -> {
            if (!v.isArray()) {
                throw wrongType(field, "an array", v);
            }
            return (com.fasterxml.jackson.databind.node.ArrayNode) v;
        });
    }

    /** 400 for a value of the wrong JSON type, naming the field, what was expected and what came. */
    public static ApiError wrongType(String field, String expected, JsonNode got) {
        return ApiError.invalid(
                field,
                "Invalid type for '" + field + "': expected " + expected + ", but got "
                        + got.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " instead.");
    }
}
