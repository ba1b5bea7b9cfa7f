package openclaw.provider.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import openclaw.sdk.provider.ChatMessage;
import openclaw.sdk.provider.ChatRequest;
import openclaw.sdk.provider.StreamEvent;
import openclaw.sdk.provider.ThinkingLevel;
import openclaw.sdk.provider.ToolSpec;

/**
 * Builds Responses API request bodies (protocols.md sections 3.2, 3.3 and 7) from a {@link ChatRequest}: input items,
 * flat function tools, {@code store:false} and the reasoning settings. The same body serves {@code POST /responses}
 * (plus {@code stream:true}) and a WebSocket {@code response.create} frame (plus {@code type}, never {@code stream}).
 * Stateless and thread-safe.
 */
final class ResponsesRequests {

    static final ObjectMapper JSON = new ObjectMapper();

    /** o1, o3, o4-mini, ...: OpenAI's o-series reasoning models. */
    private static final Pattern O_SERIES = Pattern.compile("o\\d.*");

    /** gpt-5.1 and later accept {@code effort:"none"}; gpt-5 and the o-series do not. */
    private static final Pattern ACCEPTS_NONE = Pattern.compile("gpt-5\\.\\d.*");

    private ResponsesRequests() {}

    /** The body for SSE: every input item and {@code stream:true}. */
    static ObjectNode sseBody(ChatRequest request) {
        ObjectNode body = common(request, inputItems(request.messages()));
        body.put("stream", true);
        return body;
    }

    /**
     * A WebSocket {@code response.create} frame with these input items, chained to {@code previousResponseId} when it
     * is not empty.
     */
    static ObjectNode createFrame(ChatRequest request, ArrayNode input, String previousResponseId) {
        ObjectNode frame = JSON.createObjectNode().put("type", "response.create");
        frame.setAll(common(request, input));
        if (!previousResponseId.isEmpty()) {
            frame.put("previous_response_id", previousResponseId);
        }
        return frame;
    }

    /** The warm-up frame: {@code generate:false}, the model, tools and instructions, no input. */
    static ObjectNode warmupFrame(ChatRequest request) {
        ObjectNode frame =
                JSON.createObjectNode().put("type", "response.create").put("generate", false);
        frame.put("model", request.model());
        frame.putArray("input");
        if (!request.tools().isEmpty()) {
            frame.set("tools", tools(request.tools()));
        }
        if (!request.systemPrompt().isEmpty()) {
            frame.put("instructions", request.systemPrompt());
        }
        return frame;
    }

    /** The input items for these messages, in order. */
    static ArrayNode inputItems(List<ChatMessage> messages) {
        ArrayNode items = JSON.createArrayNode();
        for (ChatMessage message : messages) {
            switch (message) {
                case ChatMessage.User user -> {
                    ObjectNode item = items.addObject().put("type", "message").put("role", "user");
                    item.putArray("content")
                            .addObject()
                            .put("type", "input_text")
                            .put("text", user.text());
                }
                case ChatMessage.Assistant assistant -> {
                    if (!assistant.text().isEmpty()) {
                        ObjectNode item =
                                items.addObject().put("type", "message").put("role", "assistant");
                        ObjectNode part = item.putArray("content").addObject().put("type", "output_text");
                        part.put("text", assistant.text()).putArray("annotations");
                    }
                    for (StreamEvent.ToolCall call : assistant.toolCalls()) {
                        items.addObject()
                                .put("type", "function_call")
                                .put("call_id", call.callId())
                                .put("name", call.toolName())
                                .put("arguments", call.argumentsJson());
                    }
                }
                case ChatMessage.ToolResult result ->
                    items.addObject()
                            .put("type", "function_call_output")
                            .put("call_id", result.callId())
                            .put("output", result.content());
            }
        }
        return items;
    }

    /**
     * The reasoning effort for a model and level (protocols.md section 7), empty when no {@code reasoning} field is
     * sent: non-reasoning models, and OFF on models that do not accept {@code "none"}.
     */
    static Optional<String> effort(String model, ThinkingLevel level) {
        String name = model.toLowerCase(Locale.ROOT);
        name = name.substring(name.lastIndexOf('/') + 1);
        boolean reasoning = (name.startsWith("gpt-5") && !name.contains("chat"))
                || O_SERIES.matcher(name).matches();
        if (!reasoning) {
            return Optional.empty();
        }
        return switch (level) {
            // Release 2026.3.1: reasoning models other than Claude 4.6 "keep the low setting unless you configure
            // otherwise" (issue 3 follows the release; older OpenClaw code defaulted to high).
            case DEFAULT, LOW -> Optional.of("low");
            case HIGH -> Optional.of("high");
            // The runtime maps adaptive to medium before it reaches the transport.
            case ADAPTIVE -> Optional.of("medium");
            case OFF -> ACCEPTS_NONE.matcher(name).matches() ? Optional.of("none") : Optional.empty();
        };
    }

    private static ObjectNode common(ChatRequest request, ArrayNode input) {
        ObjectNode body = JSON.createObjectNode().put("model", request.model());
        if (!request.systemPrompt().isEmpty()) {
            body.put("instructions", request.systemPrompt());
        }
        body.set("input", input);
        if (!request.tools().isEmpty()) {
            body.set("tools", tools(request.tools()));
        }
        body.put("max_output_tokens", request.maxOutputTokens());
        body.put("store", false);
        effort(request.model(), request.thinking()).ifPresent(effort -> {
            body.putObject("reasoning").put("effort", effort).put("summary", "auto");
            // With store:false the reasoning can only be continued from its encrypted form.
            body.putArray("include").add("reasoning.encrypted_content");
        });
        return body;
    }

    private static ArrayNode tools(List<ToolSpec> specs) {
        ArrayNode tools = JSON.createArrayNode();
        for (ToolSpec spec : specs) {
            ObjectNode tool = tools.addObject().put("type", "function").put("name", spec.name());
            tool.put("description", spec.description());
            tool.set("parameters", schema(spec.parametersSchema()));
        }
        return tools;
    }

    private static JsonNode schema(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("tool parameters are not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
