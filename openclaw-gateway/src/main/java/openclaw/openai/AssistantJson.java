package openclaw.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * JSON helpers shared by the Assistants API: object ids, timestamps, metadata, and the split between a stored object
 * and its public view (stored objects keep internal fields whose names start with {@code _}). Stateless apart from the
 * id counter; thread-safe.
 */
final class AssistantJson {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();

    private AssistantJson() {}

    /**
     * A new id such as {@code asst_…}. The creation time in milliseconds comes first and a process-wide counter next,
     * so ids sort in creation order: lists sort by id and compare cursors with it.
     */
    static String newId(String prefix, Clock clock) {
        byte[] random = new byte[5];
        RANDOM.nextBytes(random);
        return prefix
                + String.format("%011x%04x", clock.millis(), COUNTER.getAndIncrement() & 0xffff)
                + HexFormat.of().formatHex(random);
    }

    /** Seconds since the epoch, as the API's {@code created_at} fields. */
    static long seconds(Clock clock) {
        return clock.millis() / 1000;
    }

    static ObjectNode object() {
        return ApiResponses.MAPPER.createObjectNode();
    }

    /** A stored JSON object (written by this package, so it always parses). */
    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) ApiResponses.MAPPER.readTree(json);
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("a stored Assistants object is not a JSON object", e);
        }
    }

    /** The object without its internal {@code _} fields. */
    static ObjectNode publicView(ObjectNode stored) {
        ObjectNode view = stored.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = view.fields();
        while (fields.hasNext()) {
            if (fields.next().getKey().startsWith("_")) {
                fields.remove();
            }
        }
        return view;
    }

    /**
     * The {@code metadata} of a request, when present: at most 16 pairs, keys up to 64 and string values up to 512
     * characters, as OpenAI checks them.
     */
    static Optional<ObjectNode> metadata(JsonBody body, String param) {
        return body.get("metadata").map(m -> checkMetadata(m, param));
    }

    static ObjectNode checkMetadata(JsonNode m, String param) {
        if (!m.isObject()) {
            throw JsonBody.wrongType(param, "an object", m);
        }
        if (m.size() > 16) {
            throw ApiError.invalid(param, "Invalid '" + param + "': at most 16 key-value pairs are allowed.");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = m.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (e.getKey().length() > 64) {
                throw ApiError.invalid(param, "Invalid '" + param + "': keys have at most 64 characters.");
            }
            if (!e.getValue().isTextual()) {
                throw JsonBody.wrongType(param + "." + e.getKey(), "a string", e.getValue());
            }
            if (e.getValue().asText().length() > 512) {
                throw ApiError.invalid(
                        param + "." + e.getKey(), "Invalid '" + param + "': values have at most 512 characters.");
            }
        }
        return ((ObjectNode) m).deepCopy();
    }

    /**
     * Sets {@code field} of {@code target} from the body when the body has it: a string of at most {@code max}
     * characters, or null to clear it.
     */
    static void nullableString(JsonBody body, ObjectNode target, String field, int max) {
        if (!body.node().has(field)) {
            return;
        }
        Optional<String> value = body.string(field);
        if (value.isPresent() && value.get().length() > max) {
            throw ApiError.invalid(
                    field, "Invalid '" + field + "': string too long; expected at most " + max + " characters.");
        }
        target.put(field, value.orElse(null));
    }

    /** Sets a number field within {@code [min, max]} from the body when present (null clears it). */
    static void nullableNumber(JsonBody body, ObjectNode target, String field, double min, double max) {
        if (!body.node().has(field)) {
            return;
        }
        Optional<Double> value = body.number(field);
        if (value.isPresent() && (value.get() < min || value.get() > max)) {
            throw ApiError.invalid(
                    field,
                    "Invalid '" + field + "': " + value.get() + " is out of range; expected a value between " + min
                            + " and " + max + ".");
        }
        if (value.isPresent()) {
            target.put(field, value.get());
        } else {
            target.putNull(field);
        }
    }

    /** {@code response_format}: {@code auto} or {@code {"type":"text"}}; JSON modes are not enforced here, so refused. */
    static JsonNode responseFormat(JsonNode format) {
        if (format.isTextual() && format.asText().equals("auto")) {
            return format;
        }
        if (format.isObject() && format.path("type").asText().equals("text")) {
            return format;
        }
        throw ApiError.invalidCode(
                "unsupported_response_format",
                "Only response_format 'auto' or {\"type\":\"text\"} is supported by this gateway.");
    }

    /** 404 for an Assistants object that does not exist. */
    static ApiError notFound(String what, String param, String id) {
        return ApiError.notFound(param, what + "_not_found", "No " + what + " found with id '" + id + "'.");
    }
}
