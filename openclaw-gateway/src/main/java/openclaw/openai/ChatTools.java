package openclaw.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import openclaw.sdk.provider.ToolSpec;

/**
 * The client tools of a Chat Completions request: {@code tools} ({@code type:"function"} only) filtered by
 * {@code tool_choice}. {@code "none"} offers no tools; {@code "auto"}, {@code "required"} and a named function offer
 * them all (the agent loop cannot force a call, so {@code required} and a named choice are best effort). Stateless.
 */
final class ChatTools {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    /** What a function without {@code parameters} takes: no arguments. */
    static final String NO_PARAMETERS = "{\"type\":\"object\",\"properties\":{}}";

    private ChatTools() {}

    /** The tools the model is offered for this turn. */
    static List<ToolSpec> of(Optional<ArrayNode> tools, Optional<JsonNode> toolChoice) {
        List<ToolSpec> specs = tools.map(ChatTools::specs).orElse(List.of());
        if (toolChoice.isEmpty()) {
            return specs;
        }
        JsonNode choice = toolChoice.get();
        if (choice.isTextual()) {
            return switch (choice.asText()) {
                case "none" -> List.of();
                case "auto", "required" -> specs;
                default ->
                    throw ApiError.invalid(
                            "tool_choice",
                            "Invalid value: '" + choice.asText() + "'. Supported values are: 'none', 'auto' and"
                                    + " 'required', or {\"type\":\"function\",\"function\":{\"name\":...}}.");
            };
        }
        if (!choice.isObject()) {
            throw JsonBody.wrongType("tool_choice", "a string or an object", choice);
        }
        String type = ChatConversation.requiredString(choice, "type", "tool_choice");
        if (!type.equals("function")) {
            throw ApiError.invalid("tool_choice.type", "Invalid value: '" + type + "'. Supported: 'function'.");
        }
        JsonNode function = ChatConversation.required(choice, "function", "tool_choice");
        String name = ChatConversation.requiredString(function, "name", "tool_choice.function");
        if (specs.stream().noneMatch(s -> s.name().equals(name))) {
            throw ApiError.invalid(
                    "tool_choice", "Invalid value for 'tool_choice': function '" + name + "' is not among 'tools'.");
        }
        return specs;
    }

    private static List<ToolSpec> specs(ArrayNode tools) {
        List<ToolSpec> specs = new ArrayList<>(tools.size());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tools.size(); i++) {
            String param = "tools[" + i + "]";
            JsonNode tool = tools.get(i);
            if (!tool.isObject()) {
                throw JsonBody.wrongType(param, "an object", tool);
            }
            String type = ChatConversation.requiredString(tool, "type", param);
            if (!type.equals("function")) {
                throw ApiError.invalid(
                        param + ".type",
                        "Invalid value: '" + type + "'. OpenClaw supports tools of type 'function' only.");
            }
            JsonNode function = ChatConversation.required(tool, "function", param);
            if (!function.isObject()) {
                throw JsonBody.wrongType(param + ".function", "an object", function);
            }
            specs.add(spec(function, param + ".function"));
            if (!names.add(specs.getLast().name())) {
                throw ApiError.invalid(
                        param + ".function.name",
                        "Duplicate tool name '" + specs.getLast().name() + "': tool names must be unique.");
            }
        }
        return specs;
    }

    private static ToolSpec spec(JsonNode function, String param) {
        String name = ChatConversation.requiredString(function, "name", param);
        if (!NAME.matcher(name).matches()) {
            throw ApiError.invalid(
                    param + ".name",
                    "Invalid 'name': '" + name + "'. Expected a string that matches the pattern"
                            + " '^[a-zA-Z0-9_-]{1,64}$'.");
        }
        JsonNode description = function.get("description");
        if (description != null && !description.isNull() && !description.isTextual()) {
            throw JsonBody.wrongType(param + ".description", "a string", description);
        }
        JsonNode parameters = function.get("parameters");
        if (parameters != null && !parameters.isNull() && !parameters.isObject()) {
            throw JsonBody.wrongType(param + ".parameters", "an object", parameters);
        }
        JsonNode strict = function.get("strict");
        if (strict != null && !strict.isNull() && !strict.isBoolean()) {
            throw JsonBody.wrongType(param + ".strict", "a boolean", strict);
        }
        return new ToolSpec(
                name,
                description == null || description.isNull() ? "" : description.asText(),
                parameters == null || parameters.isNull() ? NO_PARAMETERS : parameters.toString());
    }
}
