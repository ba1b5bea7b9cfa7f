package openclaw.provider.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import openclaw.sdk.provider.ChatMessage;
import openclaw.sdk.provider.ChatRequest;
import openclaw.sdk.provider.ProviderException;
import openclaw.sdk.provider.StreamEvent;
import openclaw.sdk.provider.ThinkingLevel;
import openclaw.sdk.provider.ToolSpec;

/**
 * Builds the JSON body of a streaming {@code POST /chat/completions} from a {@link ChatRequest} (protocols.md section
 * 2.1). Stateless and thread-safe.
 *
 * <p>Message mapping: the system prompt becomes a leading {@code system} message; {@code User} becomes {@code user};
 * {@code Assistant} becomes {@code assistant} with its {@code tool_calls} (content {@code null} when it only called
 * tools, as OpenAI itself returns it; {@code tool_calls} omitted when empty because OpenAI rejects an empty array);
 * {@code ToolResult} becomes {@code {role:"tool", tool_call_id, content}}. Reasoning blocks of earlier answers are not
 * sent: Chat Completions has no field to return them in.
 *
 * <p>Thinking mapping (protocols.md section 7): only OpenAI reasoning models (names starting with {@code o} and a
 * digit, or {@code gpt-5}) get {@code reasoning_effort}: {@link ThinkingLevel#LOW} sends {@code "low"}, {@link
 * ThinkingLevel#HIGH} sends {@code "high"}, {@link ThinkingLevel#DEFAULT} sends {@code "low"} (release 2026.3.1:
 * reasoning models keep the low setting unless configured otherwise), {@link ThinkingLevel#ADAPTIVE} sends nothing,
 * leaving the server's default ({@code medium}, which is what OpenClaw maps adaptive to). {@link
 * ThinkingLevel#OFF} sends nothing because not every reasoning model accepts {@code "none"}. Other models (Ollama,
 * vLLM, LM Studio, ...) never get the field, whatever the level, since many servers reject unknown parameters.
 */
final class ChatCompletionsRequest {

    private static final Pattern REASONING_MODEL = Pattern.compile("^(o\\d|gpt-5).*");

    private ChatCompletionsRequest() {}

    /**
     * The request body as JSON text.
     *
     * @throws ProviderException (not retryable) when a tool's parameter schema is not valid JSON
     */
    static String json(ChatRequest request) {
        ObjectNode body = OpenAiChatProvider.JSON.createObjectNode();
        body.put("model", request.model());
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        ArrayNode messages = body.putArray("messages");
        if (!request.systemPrompt().isEmpty()) {
            messages.addObject().put("role", "system").put("content", request.systemPrompt());
        }
        for (ChatMessage message : request.messages()) {
            messages.add(message(message));
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolSpec tool : request.tools()) {
                tools.add(tool(tool));
            }
        }
        body.put("max_completion_tokens", request.maxOutputTokens());
        reasoningEffort(request.model(), request.thinking()).ifPresent(e -> body.put("reasoning_effort", e));
        return body.toString();
    }

    /** The {@code reasoning_effort} value for this model and level, if any is sent at all. */
    static Optional<String> reasoningEffort(String model, ThinkingLevel level) {
        if (!REASONING_MODEL.matcher(model.toLowerCase(Locale.ROOT)).matches()) {
            return Optional.empty();
        }
        return switch (level) {
            case LOW -> Optional.of("low");
            case HIGH -> Optional.of("high");
            // Release 2026.3.1: reasoning models keep the low setting unless configured otherwise.
            case DEFAULT -> Optional.of("low");
            case ADAPTIVE, OFF -> Optional.empty();
        };
    }

    private static ObjectNode message(ChatMessage message) {
        ObjectNode node = OpenAiChatProvider.JSON.createObjectNode();
        switch (message) {
            case ChatMessage.User user -> node.put("role", "user").put("content", user.text());
            case ChatMessage.Assistant assistant -> assistant(node, assistant);
            case ChatMessage.ToolResult result ->
                node.put("role", "tool").put("tool_call_id", result.callId()).put("content", result.content());
        }
        return node;
    }

    private static void assistant(ObjectNode node, ChatMessage.Assistant assistant) {
        node.put("role", "assistant");
        if (assistant.text().isEmpty() && !assistant.toolCalls().isEmpty()) {
            node.putNull("content");
        } else {
            node.put("content", assistant.text());
        }
        if (assistant.toolCalls().isEmpty()) {
            return;
        }
        ArrayNode calls = node.putArray("tool_calls");
        for (StreamEvent.ToolCall call : assistant.toolCalls()) {
            ObjectNode c = calls.addObject();
            c.put("id", call.callId()).put("type", "function");
            c.putObject("function").put("name", call.toolName()).put("arguments", call.argumentsJson());
        }
    }

    private static ObjectNode tool(ToolSpec tool) {
        ObjectNode node = OpenAiChatProvider.JSON.createObjectNode();
        node.put("type", "function");
        ObjectNode function = node.putObject("function");
        function.put("name", tool.name());
        if (!tool.description().isEmpty()) {
            function.put("description", tool.description());
        }
        function.set("parameters", schema(tool));
        return node;
    }

    private static JsonNode schema(ToolSpec tool) {
        try {
            JsonNode schema = OpenAiChatProvider.JSON.readTree(tool.parametersSchema());
            if (schema == null || !schema.isObject()) {
                throw invalidSchema(tool);
            }
            return schema;
        } catch (JsonProcessingException e) {
            throw invalidSchema(tool);
        }
    }

    private static ProviderException invalidSchema(ToolSpec tool) {
        return new ProviderException(
                "tool " + tool.name() + " has a parameters schema that is not a JSON object",
                false,
                Optional.empty(),
                0,
                "invalid_tool_schema");
    }
}
