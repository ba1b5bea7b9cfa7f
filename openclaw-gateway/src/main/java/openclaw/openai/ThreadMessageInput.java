package openclaw.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A message to add to a thread, parsed from a create-message body, {@code additional_messages} or
 * {@code thread.messages}: {@code role} {@code user}|{@code assistant} and {@code content} as a string or text
 * parts (several parts are joined with a blank line). Image parts are refused: agents here take text.
 *
 * @param role user or assistant
 * @param text the text
 * @param metadata the message's metadata
 * @param attachments kept and echoed (files are not read)
 */
record ThreadMessageInput(String role, String text, ObjectNode metadata, ArrayNode attachments) {

    /** OpenAI's limit on a message's text. */
    static final int MAX_TEXT = 256_000;

    ThreadMessageInput {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(attachments, "attachments");
    }

    /**
     * Parses one message.
     *
     * @param param where it sits in the request, for errors (empty for a top-level body)
     */
    static ThreadMessageInput parse(JsonNode node, String param) {
        String prefix = param.isEmpty() ? "" : param + ".";
        if (!node.isObject()) {
            throw JsonBody.wrongType(param.isEmpty() ? "body" : param, "an object", node);
        }
        JsonBody body = JsonBody.of((ObjectNode) node);
        String role = body.string("role")
                .orElseThrow(
                        () -> ApiError.invalid(prefix + "role", "Missing required parameter: '" + prefix + "role'."));
        if (!role.equals("user") && !role.equals("assistant")) {
            throw ApiError.invalid(
                    prefix + "role",
                    "Invalid '" + prefix + "role': expected 'user' or 'assistant', got '" + role + "'.");
        }
        JsonNode content = body.get("content")
                .orElseThrow(() ->
                        ApiError.invalid(prefix + "content", "Missing required parameter: '" + prefix + "content'."));
        String text = text(content, prefix + "content");
        if (text.length() > MAX_TEXT) {
            throw ApiError.invalid(
                    prefix + "content", "Invalid '" + prefix + "content': at most " + MAX_TEXT + " characters.");
        }
        ObjectNode metadata = body.get("metadata")
                .map(m -> AssistantJson.checkMetadata(m, prefix + "metadata"))
                .orElseGet(AssistantJson::object);
        ArrayNode attachments =
                body.array("attachments").map(ArrayNode::deepCopy).orElseGet(ApiResponses.MAPPER::createArrayNode);
        return new ThreadMessageInput(role, text, metadata, attachments);
    }

    /** Messages of an array field such as {@code additional_messages}. */
    static List<ThreadMessageInput> parseAll(JsonBody body, String field) {
        List<ThreadMessageInput> out = new ArrayList<>();
        body.array(field).ifPresent(a -> {
            for (int i = 0; i < a.size(); i++) {
                out.add(parse(a.get(i), field + "[" + i + "]"));
            }
        });
        return out;
    }

    private static String text(JsonNode content, String param) {
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            throw JsonBody.wrongType(param, "a string or an array of content parts", content);
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < content.size(); i++) {
            JsonNode part = content.get(i);
            String type = part.path("type").asText("");
            if (!type.equals("text")) {
                throw ApiError.invalid(
                        param + "[" + i + "].type",
                        "Only text content parts are supported by this gateway, got '" + type + "'.");
            }
            JsonNode t = part.path("text");
            if (!t.isTextual()) {
                throw JsonBody.wrongType(param + "[" + i + "].text", "a string", t);
            }
            parts.add(t.asText());
        }
        if (parts.isEmpty()) {
            throw ApiError.invalid(param, "Invalid '" + param + "': expected at least one content part.");
        }
        return String.join("\n\n", parts);
    }

    /** A text content part of a message object. */
    static ObjectNode textPart(String text) {
        ObjectNode part = AssistantJson.object().put("type", "text");
        part.putObject("text").put("value", text).putArray("annotations");
        return part;
    }
}
