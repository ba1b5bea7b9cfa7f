package openclaw.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import openclaw.sdk.provider.ThinkingLevel;
import openclaw.sdk.provider.ToolSpec;

/**
 * A parsed {@code POST /v1/responses} body (or a WebSocket {@code response.create}). Parsing checks every field this
 * gateway acts on and answers 400 naming the parameter; settings it only reports back ({@code temperature},
 * {@code metadata}, ...) are type-checked and echoed in the response object.
 *
 * @param model the agent target
 * @param items the input items, normalised (a string input becomes one user message)
 * @param instructions extra system instructions for this response only
 * @param tools the client's function tools
 * @param toolChoice {@code auto}, {@code none}, {@code required} or {@code {type:"function",name}}
 * @param maxOutputTokens a cap on output tokens per model call
 * @param store whether the response is stored for retrieval and {@code previous_response_id}
 * @param stream whether the answer is a server-sent event stream (HTTP only)
 * @param generate false for a WebSocket warm-up: no model call, an empty response to chain from
 * @param previousResponseId the response this one continues
 * @param user a stable end-user id: the session when there is no previous response
 * @param thinking the reasoning level asked for by {@code reasoning.effort}, else the agent's own
 * @param echo settings reported back unchanged in the response object
 */
record ResponseRequest(
        String model,
        List<ResponseItems.Item> items,
        Optional<String> instructions,
        List<ToolSpec> tools,
        JsonNode toolChoice,
        Optional<Integer> maxOutputTokens,
        boolean store,
        boolean stream,
        boolean generate,
        Optional<String> previousResponseId,
        Optional<String> user,
        Optional<ThinkingLevel> thinking,
        ObjectNode echo) {

    ResponseRequest {
        items = List.copyOf(items);
        tools = List.copyOf(tools);
    }

    /**
     * Parses a request body.
     *
     * @param websocket true for a {@code response.create} frame, where {@code stream} and {@code background} are not
     *     allowed (every response streams on the socket)
     * @throws ApiError 400 naming the first offending parameter
     */
    static ResponseRequest parse(JsonBody body, boolean websocket) {
        String model = body.requiredString("model");
        if (websocket && body.has("stream")) {
            throw ApiError.invalid("stream", "WebSocket mode streams every response: do not send 'stream'.");
        }
        if (body.bool("background").orElse(false)) {
            throw ApiError.invalid("background", "Background responses are not supported by this gateway.");
        }
        if (body.has("conversation")) {
            throw ApiError.invalid(
                    "conversation",
                    "'conversation' is not supported by this gateway; chain with previous_response_id.");
        }
        boolean generate = body.bool("generate").orElse(true);
        List<ResponseItems.Item> items = body.get("input")
                .map(ResponseItems::parse)
                .orElseGet(() -> {
                    if (generate) {
                        throw ApiError.invalid("input", "Missing required parameter: 'input'.");
                    }
                    return List.of();
                });
        JsonNode toolChoice = body.get("tool_choice")
                .orElse(ApiResponses.MAPPER.getNodeFactory().textNode("auto"));
        List<ToolSpec> tools = applyChoice(tools(body), toolChoice);
        ObjectNode echo = ApiResponses.MAPPER.createObjectNode();
        body.number("temperature").ifPresent(t -> echo.put("temperature", t));
        body.number("top_p").ifPresent(t -> echo.put("top_p", t));
        echo.put("parallel_tool_calls", body.bool("parallel_tool_calls").orElse(true));
        body.object("metadata").ifPresent(m -> echo.set("metadata", m.deepCopy()));
        body.object("text").ifPresent(t -> echo.set("text", t.deepCopy()));
        body.string("truncation").ifPresent(t -> echo.put("truncation", t));
        body.object("reasoning").ifPresent(r -> echo.set("reasoning", r.deepCopy()));
        body.array("tools").ifPresent(t -> echo.set("tools", t.deepCopy()));
        return new ResponseRequest(
                model,
                items,
                body.string("instructions"),
                tools,
                toolChoice,
                body.integer("max_output_tokens", 1, 1_000_000),
                body.bool("store").orElse(true),
                body.bool("stream").orElse(false),
                generate,
                body.string("previous_response_id"),
                body.string("user"),
                thinking(body),
                echo);
    }

    /** The flat function tools: {@code {type:"function", name, description?, parameters?, strict?}}. */
    private static List<ToolSpec> tools(JsonBody body) {
        List<ToolSpec> specs = new ArrayList<>();
        ArrayNode array = body.array("tools").orElse(ApiResponses.MAPPER.createArrayNode());
        for (int i = 0; i < array.size(); i++) {
            String p = "tools[" + i + "]";
            JsonNode t = array.get(i);
            if (!t.isObject()) {
                throw JsonBody.wrongType(p, "an object", t);
            }
            JsonBody tool = JsonBody.of((ObjectNode) t);
            String type = ResponseItems.text(tool, p, "type").orElse("");
            if (!type.equals("function")) {
                throw ApiError.invalid(
                        p + ".type",
                        "Tool type '" + type + "' is not supported by this gateway; only 'function' tools (the client"
                                + " runs them).");
            }
            String name = ResponseItems.text(tool, p, "name")
                    .orElseThrow(() -> ApiError.invalid(p + ".name", "Missing required parameter: '" + p + ".name'."));
            if (!name.matches("[a-zA-Z0-9_-]{1,64}")) {
                throw ApiError.invalid(
                        p + ".name", "Invalid '" + p + ".name': must match ^[a-zA-Z0-9_-]{1,64}$, got '" + name + "'.");
            }
            if (specs.stream().anyMatch(s -> s.name().equals(name))) {
                throw ApiError.invalid(p + ".name", "Duplicate tool name '" + name + "' in 'tools'.");
            }
            JsonNode params = t.get("parameters");
            if (params != null && !params.isNull() && !params.isObject()) {
                throw JsonBody.wrongType(p + ".parameters", "an object", params);
            }
            String schema =
                    params == null || params.isNull() ? "{\"type\":\"object\",\"properties\":{}}" : params.toString();
            specs.add(new ToolSpec(
                    name, ResponseItems.text(tool, p, "description").orElse(""), schema));
        }
        return specs;
    }

    /** {@code none} offers no tools; a named function offers only that one. */
    private static List<ToolSpec> applyChoice(List<ToolSpec> tools, JsonNode choice) {
        if (choice.isTextual()) {
            return switch (choice.asText()) {
                case "auto", "required" -> tools;
                case "none" -> List.of();
                default ->
                    throw ApiError.invalid(
                            "tool_choice",
                            "Invalid value for 'tool_choice': expected 'none', 'auto', 'required' or a function.");
            };
        }
        if (choice.isObject() && choice.path("type").asText().equals("function")) {
            String name = choice.path("name").asText();
            List<ToolSpec> only =
                    tools.stream().filter(t -> t.name().equals(name)).toList();
            if (only.isEmpty()) {
                throw ApiError.invalid("tool_choice", "Tool choice '" + name + "' not found in 'tools' parameter.");
            }
            return only;
        }
        throw ApiError.invalid(
                "tool_choice", "Invalid value for 'tool_choice': expected 'none', 'auto', 'required' or a function.");
    }

    /** The instruction that makes {@code tool_choice} required or named binding for the model. */
    Optional<String> toolChoiceInstruction() {
        if (tools.isEmpty()) {
            return Optional.empty();
        }
        if (toolChoice.isObject()) {
            return Optional.of("You must call the tool '" + tools.getFirst().name() + "' before answering.");
        }
        return toolChoice.asText().equals("required")
                ? Optional.of("You must call one of the provided tools before answering.")
                : Optional.empty();
    }

    /** {@code reasoning.effort}: none/minimal → off, low, medium → the agent's own, high and above → high. */
    private static Optional<ThinkingLevel> thinking(JsonBody body) {
        Optional<ObjectNode> reasoning = body.object("reasoning");
        if (reasoning.isEmpty()) {
            return Optional.empty();
        }
        JsonNode effort = reasoning.get().get("effort");
        if (effort == null || effort.isNull()) {
            return Optional.empty();
        }
        if (!effort.isTextual()) {
            throw JsonBody.wrongType("reasoning.effort", "a string", effort);
        }
        return switch (effort.asText().toLowerCase(Locale.ROOT)) {
            case "none", "minimal" -> Optional.of(ThinkingLevel.OFF);
            case "low" -> Optional.of(ThinkingLevel.LOW);
            case "medium" -> Optional.empty();
            case "high", "xhigh", "max" -> Optional.of(ThinkingLevel.HIGH);
            default ->
                throw ApiError.invalid(
                        "reasoning.effort",
                        "Invalid value for 'reasoning.effort': expected none, minimal, low, medium, high, xhigh or"
                                + " max.");
        };
    }
}
