package openclaw.provider.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import openclaw.sdk.provider.ChatMessage;
import openclaw.sdk.provider.ChatRequest;
import openclaw.sdk.provider.StreamEvent;
import openclaw.sdk.provider.ToolSpec;

/**
 * Builds the JSON body of {@code POST /v1/messages} from a {@link ChatRequest}. Stateless and thread-safe.
 *
 * <p>Conversation mapping: consecutive {@link ChatMessage.ToolResult}s become one user turn of {@code tool_result}
 * blocks, and a user text that follows them joins that turn after them (the API wants tool results first). An
 * assistant message becomes thinking blocks (with their signatures, unchanged), then its text, then {@code tool_use}
 * blocks.
 */
final class AnthropicRequests {

    /** The one mapper of the package; trees only, no data binding. */
    static final ObjectMapper JSON = new ObjectMapper();

    private AnthropicRequests() {}

    static ObjectNode body(ChatRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", request.model());
        AnthropicThinking.apply(body, request.model(), request.thinking(), request.maxOutputTokens());
        if (!request.systemPrompt().isEmpty()) {
            body.put("system", request.systemPrompt());
        }
        body.set("messages", messages(request));
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolSpec tool : request.tools()) {
                tools.addObject()
                        .put("name", tool.name())
                        .put("description", tool.description())
                        .set("input_schema", objectOr(tool.parametersSchema(), schemaFallback()));
            }
        }
        body.put("stream", true);
        return body;
    }

    private static ArrayNode messages(ChatRequest request) {
        ArrayNode turns = JSON.createArrayNode();
        for (ChatMessage message : request.messages()) {
            switch (message) {
                case ChatMessage.User user ->
                    userTurn(turns, false).addObject().put("type", "text").put("text", user.text());
                case ChatMessage.ToolResult result ->
                    userTurn(turns, true)
                            .addObject()
                            .put("type", "tool_result")
                            .put("tool_use_id", result.callId())
                            .put("content", result.content())
                            .put("is_error", result.isError());
                case ChatMessage.Assistant assistant -> assistant(turns, assistant);
            }
        }
        return turns;
    }

    /**
     * The content array of the user turn to append to: the last turn when it is a user turn that may still take this
     * block (a tool result may not follow text), otherwise a new one.
     */
    private static ArrayNode userTurn(ArrayNode turns, boolean toolResult) {
        if (!turns.isEmpty()) {
            JsonNode last = turns.get(turns.size() - 1);
            ArrayNode content = (ArrayNode) last.get("content");
            boolean hasText = false;
            for (JsonNode block : content) {
                hasText |= "text".equals(block.path("type").asText());
            }
            if ("user".equals(last.path("role").asText()) && !(toolResult && hasText)) {
                return content;
            }
        }
        ObjectNode turn = turns.addObject().put("role", "user");
        return turn.putArray("content");
    }

    private static void assistant(ArrayNode turns, ChatMessage.Assistant assistant) {
        ArrayNode content = JSON.createArrayNode();
        for (StreamEvent.ThinkingBlock thinking : assistant.thinking()) {
            // A block without a signature came from another provider; Anthropic rejects it, so it is dropped.
            if (!thinking.signature().isEmpty()) {
                content.addObject()
                        .put("type", "thinking")
                        .put("thinking", thinking.text())
                        .put("signature", thinking.signature());
            }
        }
        // The API rejects empty text blocks; an answer that was only tool calls has none.
        if (!assistant.text().isEmpty()) {
            content.addObject().put("type", "text").put("text", assistant.text());
        }
        for (StreamEvent.ToolCall call : assistant.toolCalls()) {
            content.addObject()
                    .put("type", "tool_use")
                    .put("id", call.callId())
                    .put("name", call.toolName())
                    .set("input", objectOr(call.argumentsJson(), JSON.createObjectNode()));
        }
        if (!content.isEmpty()) {
            turns.addObject().put("role", "assistant").set("content", content);
        }
    }

    /** The JSON object in {@code text}, or {@code fallback} when it is not valid JSON or not an object. */
    private static ObjectNode objectOr(String text, ObjectNode fallback) {
        try {
            return JSON.readTree(text) instanceof ObjectNode object ? object : fallback;
        } catch (JsonProcessingException e) {
            return fallback;
        }
    }

    private static ObjectNode schemaFallback() {
        return JSON.createObjectNode().put("type", "object");
    }
}
