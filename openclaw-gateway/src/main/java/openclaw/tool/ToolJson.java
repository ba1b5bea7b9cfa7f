package openclaw.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/** Reading tool arguments: the agent loop has already checked they form a JSON object. */
final class ToolJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private ToolJson() {}

    static Optional<String> stringField(String json, String field) {
        try {
            JsonNode node = MAPPER.readTree(json).path(field);
            return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
