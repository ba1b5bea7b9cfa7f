package openclaw.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import openclaw.agent.TurnInput;
import openclaw.sdk.provider.ChatMessage;
import openclaw.sdk.provider.StreamEvent;

/**
 * Responses API input items: parsing (400 naming {@code input[i]...} for anything malformed or unsupported) and the
 * conversion into a turn: the trailing user message or {@code function_call_output} items start the turn, everything
 * before is history that seeds a new session. Stateless.
 */
final class ResponseItems {

    private static final Set<String> ROLES = Set.of("user", "assistant", "system", "developer");

    /** One input item this gateway understands. */
    sealed interface Item {
        /** The item as listed by {@code GET /v1/responses/{id}/input_items}. */
        ObjectNode json();

        /** A message; {@code system} and {@code developer} messages become instructions. */
        record Message(String role, String text, ObjectNode json) implements Item {}

        /** A function call of an earlier answer, echoed back. */
        record Call(String callId, String name, String arguments, ObjectNode json) implements Item {}

        /** The client's result of a function call. */
        record Output(String callId, String output, ObjectNode json) implements Item {}

        /** A reasoning item passed back; the gateway keeps its own reasoning, so it is skipped. */
        record Skipped(ObjectNode json) implements Item {}
    }

    /**
     * The turn an input makes.
     *
     * @param seed history before the new input (used when the session is empty)
     * @param input the new user message or tool results
     * @param instructions the texts of system and developer messages
     */
    record Turn(List<ChatMessage> seed, TurnInput input, List<String> instructions) {}

    private ResponseItems() {}

    /** Parses {@code input}: a string or an array of items. */
    static List<Item> parse(JsonNode input) {
        if (input.isTextual()) {
            return List.of(message("user", input.asText(), null));
        }
        if (!input.isArray()) {
            throw JsonBody.wrongType("input", "a string or an array of items", input);
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            items.add(item(input.get(i), "input[" + i + "]"));
        }
        return items;
    }

    private static Item item(JsonNode node, String p) {
        if (!node.isObject()) {
            throw JsonBody.wrongType(p, "an object", node);
        }
        JsonBody item = JsonBody.of((ObjectNode) node);
        String type = text(item, p, "type").orElse(item.has("role") ? "message" : "");
        return switch (type) {
            case "message" -> {
                String role = text(item, p, "role").orElseThrow(() -> missing(p + ".role"));
                if (!ROLES.contains(role)) {
                    throw ApiError.invalid(
                            p + ".role",
                            "Invalid value for '" + p + ".role': expected user, assistant, system or developer.");
                }
                yield message(role, content(node.get("content"), p + ".content"), (ObjectNode) node);
            }
            case "function_call" -> {
                String callId = text(item, p, "call_id").orElseThrow(() -> missing(p + ".call_id"));
                ObjectNode json = ((ObjectNode) node).deepCopy();
                json.put("id", text(item, p, "id").orElseGet(() -> ResponseIds.next("fc_")));
                yield new Item.Call(
                        callId,
                        text(item, p, "name").orElseThrow(() -> missing(p + ".name")),
                        text(item, p, "arguments").orElse("{}"),
                        json);
            }
            case "function_call_output" -> {
                String callId = text(item, p, "call_id").orElseThrow(() -> missing(p + ".call_id"));
                JsonNode output = node.get("output");
                if (output == null || output.isNull()) {
                    throw missing(p + ".output");
                }
                ObjectNode json = ((ObjectNode) node).deepCopy();
                json.put("id", text(item, p, "id").orElseGet(() -> ResponseIds.next("fco_")));
                yield new Item.Output(callId, content(output, p + ".output"), json);
            }
            case "reasoning" -> new Item.Skipped(((ObjectNode) node).deepCopy());
            case "item_reference" ->
                throw ApiError.invalid(
                        p + ".type",
                        "Item references are not supported by this gateway; send the item itself, or chain with"
                                + " previous_response_id.");
            case "" -> throw missing(p + ".type");
            default ->
                throw ApiError.invalid(
                        p + ".type",
                        "Input items of type '" + type + "' are not supported by this gateway; use message,"
                                + " function_call and function_call_output items.");
        };
    }

    /** A message item normalised for listing: content as parts, with an id. */
    private static Item.Message message(String role, String text, ObjectNode given) {
        ObjectNode json = ApiResponses.MAPPER.createObjectNode();
        json.put(
                "id",
                given != null && given.path("id").isTextual() ? given.get("id").asText() : ResponseIds.next("msg_"));
        json.put("type", "message");
        json.put("role", role);
        json.put("status", "completed");
        json.putArray("content")
                .addObject()
                .put("type", role.equals("assistant") ? "output_text" : "input_text")
                .put("text", text);
        return new Item.Message(role, text, json);
    }

    /** Text of a string or of text parts ({@code input_text}, {@code output_text}, {@code text}, {@code refusal}). */
    private static String content(JsonNode content, String p) {
        if (content == null || content.isNull()) {
            throw missing(p);
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            throw JsonBody.wrongType(p, "a string or an array of content parts", content);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < content.size(); i++) {
            JsonNode part = content.get(i);
            String pp = p + "[" + i + "]";
            String type = part.path("type").asText();
            switch (type) {
                case "input_text", "output_text", "text" ->
                    text.append(part.path("text").asText());
                case "refusal" -> text.append(part.path("refusal").asText());
                default ->
                    throw ApiError.invalid(
                            pp + ".type",
                            "Content parts of type '" + type + "' are not supported by this gateway; send text"
                                    + " (input_text).");
            }
        }
        return text.toString();
    }

    /** A string field of a nested object, 400 naming {@code p.field} when it is not a string. */
    static Optional<String> text(JsonBody item, String p, String field) {
        JsonNode v = item.node().get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw JsonBody.wrongType(p + "." + field, "a string", v);
        }
        return Optional.of(v.asText());
    }

    private static ApiError missing(String param) {
        return ApiError.invalid(param, "Missing required parameter: '" + param + "'.");
    }

    /** The items as a JSON array, for storage and listing. */
    static ArrayNode json(List<Item> items) {
        ArrayNode array = ApiResponses.MAPPER.createArrayNode();
        items.forEach(i -> array.add(i.json()));
        return array;
    }

    /**
     * The turn {@code items} make.
     *
     * @throws ApiError 400 when the input does not end with a user message or function call outputs
     */
    static Turn turn(List<Item> items) {
        List<String> instructions = new ArrayList<>();
        List<ChatMessage> messages = new ArrayList<>();
        for (Item item : items) {
            switch (item) {
                case Item.Message m
                when m.role().equals("system") || m.role().equals("developer") -> instructions.add(m.text());
                case Item.Message m when m.role().equals("assistant") -> addAssistant(messages, m.text(), List.of());
                case Item.Message m -> messages.add(new ChatMessage.User(m.text()));
                case Item.Call c ->
                    addAssistant(messages, "", List.of(new StreamEvent.ToolCall(c.callId(), c.name(), c.arguments())));
                case Item.Output o -> messages.add(new ChatMessage.ToolResult(o.callId(), "", o.output(), false));
                case Item.Skipped s -> {}
            }
        }
        if (messages.isEmpty()) {
            throw ApiError.invalid("input", "The input has no user message or function_call_output item to answer.");
        }
        int start = messages.size();
        ChatMessage last = messages.getLast();
        TurnInput input;
        if (last instanceof ChatMessage.ToolResult) {
            List<ChatMessage.ToolResult> results = new ArrayList<>();
            while (start > 0 && messages.get(start - 1) instanceof ChatMessage.ToolResult r) {
                results.addFirst(r);
                start--;
            }
            input = new TurnInput.ToolResults(results);
        } else if (last instanceof ChatMessage.User) {
            List<String> texts = new ArrayList<>();
            while (start > 0 && messages.get(start - 1) instanceof ChatMessage.User u) {
                texts.addFirst(u.text());
                start--;
            }
            input = new TurnInput.Message(String.join("\n\n", texts));
        } else {
            throw ApiError.invalid(
                    "input",
                    "The input must end with a user message or with function_call_output items answering the"
                            + " function calls.");
        }
        return new Turn(messages.subList(0, start), input, instructions);
    }

    /** Appends to the last assistant message when the items continue it (text, then its function calls). */
    private static void addAssistant(List<ChatMessage> messages, String text, List<StreamEvent.ToolCall> calls) {
        if (!messages.isEmpty() && messages.getLast() instanceof ChatMessage.Assistant a && (text.isEmpty())) {
            List<StreamEvent.ToolCall> all = new ArrayList<>(a.toolCalls());
            all.addAll(calls);
            messages.set(messages.size() - 1, new ChatMessage.Assistant(a.text(), all, a.thinking()));
            return;
        }
        messages.add(new ChatMessage.Assistant(text, calls, List.of()));
    }
}
