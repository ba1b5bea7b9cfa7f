package openclaw.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * A method's params, checked as OpenClaw's schemas do ({@code additionalProperties:false}): an unknown property or a
 * wrong type is {@code INVALID_REQUEST "invalid <method> params: ..."}.
 */
final class Params {

    private final String method;
    private final ObjectNode node;

    private Params(String method, ObjectNode node) {
        this.method = method;
        this.node = node;
    }

    /** Params of {@code method}, allowing only {@code allowed} properties; absent params are an empty object. */
    static Params of(String method, JsonNode params, Set<String> allowed) {
        if (params == null || params.isMissingNode() || params.isNull()) {
            return new Params(method, Frames.object());
        }
        if (!params.isObject()) {
            throw RpcException.invalidParams(method, "params must be an object");
        }
        for (Iterator<String> names = params.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw RpcException.invalidParams(method, "unexpected property '" + name + "'");
            }
        }
        return new Params(method, (ObjectNode) params);
    }

    String method() {
        return method;
    }

    /** A required non-empty string of at most {@code maxLength} characters. */
    String string(String name, int maxLength) {
        return optString(name, maxLength)
                .orElseThrow(() -> RpcException.invalidParams(method, "must have required property '" + name + "'"));
    }

    /** An optional string; present but empty is refused. */
    Optional<String> optString(String name, int maxLength) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw RpcException.invalidParams(method, "'" + name + "' must be a string");
        }
        String s = v.asText();
        if (s.isEmpty() || s.length() > maxLength) {
            throw RpcException.invalidParams(method, "'" + name + "' must be 1 to " + maxLength + " characters");
        }
        return Optional.of(s);
    }

    /** An optional integer within bounds. */
    Optional<Long> optLong(String name, long min, long max) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isIntegralNumber() && !(v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))) {
            throw RpcException.invalidParams(method, "'" + name + "' must be an integer");
        }
        long n = v.asLong();
        if (n < min || n > max) {
            throw RpcException.invalidParams(method, "'" + name + "' must be between " + min + " and " + max);
        }
        return Optional.of(n);
    }

    /** An optional boolean. */
    Optional<Boolean> optBoolean(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isBoolean()) {
            throw RpcException.invalidParams(method, "'" + name + "' must be a boolean");
        }
        return Optional.of(v.asBoolean());
    }

    /** Whether no property was given. */
    boolean isEmpty() {
        return node.isEmpty();
    }

    /** The raw value of a property (for nested objects), or a missing node. */
    JsonNode raw(String name) {
        return node.path(name);
    }
}
