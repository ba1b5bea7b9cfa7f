package openclaw.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import openclaw.agent.TurnInput;
import openclaw.sdk.provider.ChatMessage;
import openclaw.sdk.provider.StreamEvent;

/**
 * The {@code messages} of a Chat Completions request as a turn: system and developer messages become the turn's extra
 * instructions; trailing {@code tool} messages become {@link TurnInput.ToolResults}, else the last user message is the
 * new {@link TurnInput.Message}; everything before the new input is the seed history (used only when the session's
 * conversation is empty, i.e. for clients that resend the whole history without {@code user}).
 *
 * @param instructions the system and developer messages, joined by blank lines
 * @param seed the conversation before the new input, oldest first
 * @param input what the turn answers
 */
record ChatConversation(Optional<String> instructions, List<ChatMessage> seed, TurnInput input) {

    ChatConversation {
        seed = List.copyOf(seed);
    }

    /** Validates and maps {@code messages}; every problem is a 400 naming the offending element. */
    static ChatConversation of(ArrayNode messages) {
        if (messages.isEmpty()) {
            throw ApiError.invalid(
                    "messages",
                    "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array"
                            + " instead.");
        }
        StringBuilder instructions = new StringBuilder();
        List<ChatMessage> turns = new ArrayList<>(messages.size());
        Map<String, String> toolNames = new HashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            String param = "messages[" + i + "]";
            JsonNode m = messages.get(i);
            if (!m.isObject()) {
                throw JsonBody.wrongType(param, "an object", m);
            }
            String role = requiredString(m, "role", param);
            switch (role) {
                case "system", "developer" -> {
                    if (!instructions.isEmpty()) {
                        instructions.append("\n\n");
                    }
                    instructions.append(ChatContent.text(required(m, "content", param), param + ".content", false));
                }
                case "user" ->
                    turns.add(new ChatMessage.User(
                            ChatContent.text(required(m, "content", param), param + ".content", false)));
                case "assistant" -> turns.add(assistant(m, param, toolNames));
                case "tool" -> {
                    String callId = requiredString(m, "tool_call_id", param);
                    String content = ChatContent.text(required(m, "content", param), param + ".content", false);
                    turns.add(new ChatMessage.ToolResult(callId, toolNames.getOrDefault(callId, ""), content, false));
                }
                case "function" ->
                    throw ApiError.invalid(
                            param + ".role",
                            "Messages with role 'function' (deprecated) are not supported; use 'tool' messages"
                                    + " answering 'tool_calls'.");
                default ->
                    throw ApiError.invalid(
                            param + ".role",
                            "Invalid value: '" + role + "'. Supported values are: 'system', 'developer', 'user',"
                                    + " 'assistant' and 'tool'.");
            }
        }
        Optional<String> system = instructions.isEmpty() ? Optional.empty() : Optional.of(instructions.toString());
        return split(system, turns);
    }

    /** Splits the conversation into seed and new input. */
    private static ChatConversation split(Optional<String> instructions, List<ChatMessage> turns) {
        if (turns.isEmpty()) {
            throw ApiError.invalid(
                    "messages",
                    "'messages' must contain a user message (or tool results) to answer, not only system"
                            + " messages.");
        }
        ChatMessage last = turns.getLast();
        return switch (last) {
            case ChatMessage.User u ->
                new ChatConversation(instructions, turns.subList(0, turns.size() - 1), new TurnInput.Message(u.text()));
            case ChatMessage.ToolResult r -> {
                int first = turns.size() - 1;
                while (first > 0 && turns.get(first - 1) instanceof ChatMessage.ToolResult) {
                    first--;
                }
                List<ChatMessage.ToolResult> results = new ArrayList<>(turns.size() - first);
                for (ChatMessage m : turns.subList(first, turns.size())) {
                    results.add((ChatMessage.ToolResult) m);
                }
                yield new ChatConversation(instructions, turns.subList(0, first), new TurnInput.ToolResults(results));
            }
            case ChatMessage.Assistant a ->
                throw ApiError.invalid(
                        "messages",
                        "The last message must be a user or tool message: there is nothing to answer after an"
                                + " assistant message.");
        };
    }

    private static ChatMessage.Assistant assistant(JsonNode m, String param, Map<String, String> toolNames) {
        JsonNode content = m.get("content");
        String text = content == null || content.isNull() ? "" : ChatContent.text(content, param + ".content", true);
        JsonNode calls = m.get("tool_calls");
        if (calls == null || calls.isNull()) {
            return ChatMessage.Assistant.text(text);
        }
        if (!calls.isArray()) {
            throw JsonBody.wrongType(param + ".tool_calls", "an array", calls);
        }
        List<StreamEvent.ToolCall> toolCalls = new ArrayList<>(calls.size());
        for (int j = 0; j < calls.size(); j++) {
            String p = param + ".tool_calls[" + j + "]";
            JsonNode call = calls.get(j);
            if (!call.isObject()) {
                throw JsonBody.wrongType(p, "an object", call);
            }
            String id = requiredString(call, "id", p);
            JsonNode type = call.get("type");
            if (type != null && !type.isNull() && !"function".equals(type.asText())) {
                throw ApiError.invalid(p + ".type", "Invalid value: '" + type.asText() + "'. Supported: 'function'.");
            }
            JsonNode function = required(call, "function", p);
            if (!function.isObject()) {
                throw JsonBody.wrongType(p + ".function", "an object", function);
            }
            String name = requiredString(function, "name", p + ".function");
            String arguments = requiredString(function, "arguments", p + ".function");
            toolCalls.add(new StreamEvent.ToolCall(id, name, arguments));
            toolNames.put(id, name);
        }
        return new ChatMessage.Assistant(text, toolCalls, List.of());
    }

    /** A present, non-null field (400 naming {@code parent.field} when missing). */
    static JsonNode required(JsonNode node, String field, String parent) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw ApiError.invalid(parent + "." + field, "Missing required parameter: '" + parent + "." + field + "'.");
        }
        return v;
    }

    /** A present string field. */
    static String requiredString(JsonNode node, String field, String parent) {
        JsonNode v = required(node, field, parent);
        if (!v.isTextual()) {
            throw JsonBody.wrongType(parent + "." + field, "a string", v);
        }
        return v.asText();
    }
}
