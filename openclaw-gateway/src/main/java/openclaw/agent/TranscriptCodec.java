package openclaw.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import openclaw.sdk.provider.ChatMessage;
import openclaw.sdk.provider.StreamEvent;
import openclaw.store.TranscriptEntry;

/**
 * The JSON form of transcript entries and the way back to model messages. Roles: {@code user} {@code {text}},
 * {@code assistant} {@code {text, toolCalls[], thinking[], model, usage, stopReason}}, {@code tool}
 * {@code {callId, name, content, isError}}, {@code error} {@code {message}} (kept for the record, never sent to a
 * model). Stateless.
 */
final class TranscriptCodec {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private TranscriptCodec() {}

    static String user(String text) {
        return MAPPER.createObjectNode().put("text", text).toString();
    }

    static String assistant(ChatMessage.Assistant message, ModelRef model, StreamEvent.Usage usage, String stop) {
        ObjectNode node = MAPPER.createObjectNode().put("text", message.text());
        ArrayNode calls = node.putArray("toolCalls");
        message.toolCalls().forEach(c -> calls.addObject()
                .put("id", c.callId())
                .put("name", c.toolName())
                .put("arguments", c.argumentsJson()));
        ArrayNode thinking = node.putArray("thinking");
        message.thinking()
                .forEach(t -> thinking.addObject().put("text", t.text()).put("signature", t.signature()));
        node.put("model", model.toString()).put("stopReason", stop);
        node.putObject("usage")
                .put("input", usage.inputTokens())
                .put("output", usage.outputTokens())
                .put("cached", usage.cachedInputTokens());
        return node.toString();
    }

    static String tool(ChatMessage.ToolResult result) {
        return MAPPER.createObjectNode()
                .put("callId", result.callId())
                .put("name", result.toolName())
                .put("content", result.content())
                .put("isError", result.isError())
                .toString();
    }

    static String error(String message) {
        return MAPPER.createObjectNode().put("message", message).toString();
    }

    /** The messages a model should see, oldest first; errors and unreadable entries are left out. */
    static List<ChatMessage> history(List<TranscriptEntry> entries) {
        List<ChatMessage> messages = new ArrayList<>();
        for (TranscriptEntry entry : entries) {
            read(entry).ifPresent(messages::add);
        }
        return messages;
    }

    private static Optional<ChatMessage> read(TranscriptEntry entry) {
        JsonNode n;
        try {
            n = MAPPER.readTree(entry.content());
        } catch (IOException e) {
            return Optional.empty();
        }
        return switch (entry.role()) {
            case "user" -> Optional.of(new ChatMessage.User(n.path("text").asText()));
            case "assistant" -> {
                List<StreamEvent.ToolCall> calls = new ArrayList<>();
                n.path("toolCalls")
                        .forEach(c -> calls.add(new StreamEvent.ToolCall(
                                c.path("id").asText(),
                                c.path("name").asText(),
                                c.path("arguments").asText())));
                List<StreamEvent.ThinkingBlock> thinking = new ArrayList<>();
                n.path("thinking")
                        .forEach(t -> thinking.add(new StreamEvent.ThinkingBlock(
                                t.path("text").asText(), t.path("signature").asText())));
                yield Optional.of(new ChatMessage.Assistant(n.path("text").asText(), calls, thinking));
            }
            case "tool" ->
                Optional.of(new ChatMessage.ToolResult(
                        n.path("callId").asText(),
                        n.path("name").asText(),
                        n.path("content").asText(),
                        n.path("isError").asBoolean()));
            default -> Optional.empty();
        };
    }
}
