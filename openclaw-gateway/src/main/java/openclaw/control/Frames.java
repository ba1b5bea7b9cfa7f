package openclaw.control;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** Builds the protocol's frames: {@code res} (ok or error) and {@code event}. Stateless. */
final class Frames {

    /**
     * Parses and writes every frame. Its buffers come from one shared pool: Jackson's default pool is per thread, and
     * a socket's reader is a long-lived virtual thread, so each idle socket would keep about 20 KB of buffers.
     * Frames are written with this mapper too ({@code JsonNode.toString()} uses Jackson's internal mapper, which
     * pools per thread).
     */
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
            .build());

    private Frames() {}

    static String ok(String id, JsonNode payload) {
        ObjectNode frame =
                MAPPER.createObjectNode().put("type", "res").put("id", id).put("ok", true);
        frame.set("payload", payload);
        return write(frame);
    }

    static String error(String id, RpcException error) {
        ObjectNode frame =
                MAPPER.createObjectNode().put("type", "res").put("id", id).put("ok", false);
        frame.set("error", error.toJson());
        return write(frame);
    }

    /** An error answer whose payload also carries a status (the {@code agent} method's second answer). */
    static String error(String id, RpcException error, JsonNode payload) {
        ObjectNode frame =
                MAPPER.createObjectNode().put("type", "res").put("id", id).put("ok", false);
        frame.set("payload", payload);
        frame.set("error", error.toJson());
        return write(frame);
    }

    static String event(String name, JsonNode payload, long seq) {
        ObjectNode frame = MAPPER.createObjectNode().put("type", "event").put("event", name);
        frame.set("payload", payload);
        if (seq > 0) {
            frame.put("seq", seq);
        }
        return write(frame);
    }

    /** Serialises a frame (never fails for a tree of JSON nodes). */
    static String write(JsonNode frame) {
        try {
            return MAPPER.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
