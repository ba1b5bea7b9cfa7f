package openclaw.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds the protocol's frames: {@code res} (ok or error) and {@code event}. Stateless. */
final class Frames {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Frames() {}

    static String ok(String id, JsonNode payload) {
        ObjectNode frame =
                MAPPER.createObjectNode().put("type", "res").put("id", id).put("ok", true);
        frame.set("payload", payload);
        return frame.toString();
    }

    static String error(String id, RpcException error) {
        ObjectNode frame =
                MAPPER.createObjectNode().put("type", "res").put("id", id).put("ok", false);
        frame.set("error", error.toJson());
        return frame.toString();
    }

    /** An error answer whose payload also carries a status (the {@code agent} method's second answer). */
    static String error(String id, RpcException error, JsonNode payload) {
        ObjectNode frame =
                MAPPER.createObjectNode().put("type", "res").put("id", id).put("ok", false);
        frame.set("payload", payload);
        frame.set("error", error.toJson());
        return frame.toString();
    }

    static String event(String name, JsonNode payload, long seq) {
        ObjectNode frame = MAPPER.createObjectNode().put("type", "event").put("event", name);
        frame.set("payload", payload);
        if (seq > 0) {
            frame.put("seq", seq);
        }
        return frame.toString();
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
