package openclaw.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import openclaw.store.KeyValueStore;

/**
 * Stored responses ({@code store:true}, the default) under the key-value namespace {@value #NAMESPACE}: response id →
 * the response object, the session and agent it ran on (so {@code previous_response_id} continues that session), and
 * its input items. An entry is kept under {@value #MAX_ENTRY_CHARS} characters by dropping the oldest input items.
 * Stateless over the thread-safe store.
 */
final class ResponseStore {

    /** The key-value namespace. */
    static final String NAMESPACE = "openai.responses";

    /** Upper bound of one stored entry, in characters of JSON. */
    static final int MAX_ENTRY_CHARS = 1_000_000;

    private static final Logger LOG = Logger.getLogger(ResponseStore.class.getName());

    /**
     * A response and what continuing it needs.
     *
     * @param response the response object
     * @param sessionKey the session it ran on
     * @param agentId the agent that answered
     * @param inputItems the request's input items (possibly truncated)
     * @param warmup true for a warm-up ({@code generate:false}): no turn ran, its input items seed the next one
     */
    record Stored(ObjectNode response, String sessionKey, String agentId, ArrayNode inputItems, boolean warmup) {
        Stored {
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(sessionKey, "sessionKey");
            Objects.requireNonNull(agentId, "agentId");
            Objects.requireNonNull(inputItems, "inputItems");
        }

        String id() {
            return response.path("id").asText();
        }
    }

    private final KeyValueStore store;

    ResponseStore(KeyValueStore store) {
        this.store = store;
    }

    void put(Stored stored) {
        ArrayNode items = stored.inputItems().deepCopy();
        ObjectNode entry = ApiResponses.MAPPER.createObjectNode();
        entry.set("response", stored.response());
        entry.put("session_key", stored.sessionKey());
        entry.put("agent_id", stored.agentId());
        entry.put("warmup", stored.warmup());
        entry.set("input_items", items);
        String json = entry.toString();
        while (json.length() > MAX_ENTRY_CHARS && !items.isEmpty()) {
            items.remove(0);
            entry.put("input_items_truncated", true);
            json = entry.toString();
        }
        store.put(NAMESPACE, stored.id(), json);
    }

    Optional<Stored> get(String id) {
        if (id.isEmpty() || id.length() > 128) {
            return Optional.empty();
        }
        return store.get(NAMESPACE, id).flatMap(json -> decode(id, json));
    }

    boolean delete(String id) {
        return !id.isEmpty() && id.length() <= 128 && store.delete(NAMESPACE, id);
    }

    private static Optional<Stored> decode(String id, String json) {
        try {
            JsonNode n = ApiResponses.MAPPER.readTree(json);
            return Optional.of(new Stored(
                    (ObjectNode) n.get("response"),
                    n.path("session_key").asText(),
                    n.path("agent_id").asText(),
                    n.path("input_items").isArray()
                            ? (ArrayNode) n.get("input_items")
                            : ApiResponses.MAPPER.createArrayNode(),
                    n.path("warmup").asBoolean()));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "stored response " + id + " is unreadable; treating it as missing", e);
            return Optional.empty();
        }
    }
}
