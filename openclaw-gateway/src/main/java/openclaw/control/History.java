package openclaw.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import openclaw.store.TranscriptEntry;

/**
 * {@code chat.history}: the current conversation of a session as OpenClaw transcript messages ({@code user},
 * {@code assistant} with {@code text} and {@code toolCall} parts, {@code toolResult}); failed turns appear as
 * assistant messages with {@code stopReason:"error"}. Oldest first, the newest {@code limit} messages within
 * {@code maxChars}.
 */
final class History {

    private History() {}

    static ObjectNode of(ControlServices s, String sessionKey, int limit, long maxChars) {
        List<TranscriptEntry> entries = s.sessions().history(sessionKey, limit);
        Deque<JsonNode> kept = new ArrayDeque<>();
        long chars = 0;
        for (int i = entries.size() - 1; i >= 0; i--) {
            JsonNode message = message(entries.get(i));
            chars += message.toString().length();
            if (chars > maxChars && !kept.isEmpty()) {
                break;
            }
            kept.addFirst(message);
        }
        ObjectNode result = Frames.object().put("sessionKey", sessionKey);
        ArrayNode messages = result.putArray("messages");
        kept.forEach(messages::add);
        return result;
    }

    static JsonNode message(TranscriptEntry entry) {
        JsonNode n;
        try {
            n = Frames.MAPPER.readTree(entry.content());
        } catch (IOException e) {
            n = Frames.object();
        }
        long ts = entry.createdAt().toEpochMilli();
        ObjectNode m = Frames.object();
        switch (entry.role()) {
            case "user" -> {
                m.put("role", "user");
                text(m.putArray("content"), n.path("text").asText());
            }
            case "assistant" -> {
                m.put("role", "assistant");
                ArrayNode content = m.putArray("content");
                if (!n.path("text").asText().isEmpty()) {
                    text(content, n.path("text").asText());
                }
                for (JsonNode call : n.path("toolCalls")) {
                    ObjectNode part = content.addObject()
                            .put("type", "toolCall")
                            .put("id", call.path("id").asText())
                            .put("name", call.path("name").asText());
                    part.set("arguments", parse(call.path("arguments").asText("{}")));
                }
                if (n.hasNonNull("stopReason")) {
                    m.put("stopReason", n.path("stopReason").asText());
                }
                if (n.hasNonNull("model")) {
                    m.put("model", n.path("model").asText());
                }
            }
            case "tool" -> {
                m.put("role", "toolResult")
                        .put("toolCallId", n.path("callId").asText())
                        .put("toolName", n.path("name").asText());
                text(m.putArray("content"), n.path("content").asText());
                m.put("isError", n.path("isError").asBoolean());
            }
            default -> {
                m.put("role", "assistant").put("stopReason", "error");
                m.putArray("content");
                m.put("errorMessage", n.path("message").asText());
            }
        }
        m.put("timestamp", ts);
        return m;
    }

    private static void text(ArrayNode content, String text) {
        content.addObject().put("type", "text").put("text", text);
    }

    private static JsonNode parse(String json) {
        try {
            return Frames.MAPPER.readTree(json);
        } catch (IOException e) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(json);
        }
    }
}
