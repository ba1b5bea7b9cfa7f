package openclaw.testkit.provider.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the events of one Responses API turn as the real API streams them (protocols.md section 3.5): {@code type},
 * an increasing {@code sequence_number} from 0, response objects with {@code id}, {@code status}, {@code output} and
 * {@code usage}. Not thread-safe; one instance per served turn.
 */
public final class ResponsesEventScript {

    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One event: its type (the SSE {@code event:} line) and its JSON text (which may deliberately be malformed).
     *
     * @param type the event type
     * @param json the payload
     */
    public record Event(String type, String json) {}

    private final String responseId;
    private final String model;
    private final List<Event> events = new ArrayList<>();
    private final ArrayNode output = JSON.createArrayNode();
    private int sequence;

    /** A script for the response with this id. */
    public ResponsesEventScript(String responseId, String model) {
        this.responseId = responseId;
        this.model = model;
    }

    /** The events added so far. */
    public List<Event> events() {
        return List.copyOf(events);
    }

    /** {@code response.created} and {@code response.in_progress}. */
    public ResponsesEventScript created() {
        add("response.created", e -> e.set("response", response("in_progress")));
        return add("response.in_progress", e -> e.set("response", response("in_progress")));
    }

    /** A complete assistant message item streamed as these text deltas. */
    public ResponsesEventScript message(String... deltas) {
        String itemId = "msg_" + responseId + "_" + output.size();
        int index = output.size();
        ObjectNode item = JSON.createObjectNode().put("type", "message").put("id", itemId);
        item.put("role", "assistant").put("status", "in_progress").putArray("content");
        add("response.output_item.added", e -> e.put("output_index", index).set("item", item.deepCopy()));
        add("response.content_part.added", e -> part(e, itemId, index).set("part", textPart("")));
        StringBuilder text = new StringBuilder();
        for (String delta : deltas) {
            text.append(delta);
            add("response.output_text.delta", e -> part(e, itemId, index).put("delta", delta));
        }
        add("response.output_text.done", e -> part(e, itemId, index).put("text", text.toString()));
        add("response.content_part.done", e -> part(e, itemId, index).set("part", textPart(text.toString())));
        item.put("status", "completed").putArray("content").add(textPart(text.toString()));
        output.add(item);
        return add(
                "response.output_item.done", e -> e.put("output_index", index).set("item", item.deepCopy()));
    }

    /** A text delta only, without the item's other events (for streams that are cut). */
    public ResponsesEventScript bareDelta(String delta) {
        return add("response.output_text.delta", e -> part(e, "msg_" + responseId, 0)
                .put("delta", delta));
    }

    /** A reasoning item whose summary text streams as one delta. */
    public ResponsesEventScript reasoning(String summary) {
        String itemId = "rs_" + responseId + "_" + output.size();
        int index = output.size();
        ObjectNode item = JSON.createObjectNode().put("type", "reasoning").put("id", itemId);
        item.putArray("summary");
        add("response.output_item.added", e -> e.put("output_index", index).set("item", item.deepCopy()));
        add("response.reasoning_summary_part.added", e -> e.put("item_id", itemId)
                .put("summary_index", 0));
        add("response.reasoning_summary_text.delta", e -> e.put("item_id", itemId)
                .put("output_index", index)
                .put("summary_index", 0)
                .put("delta", summary));
        add("response.reasoning_summary_text.done", e -> e.put("item_id", itemId)
                .put("text", summary));
        ((ArrayNode) item.get("summary"))
                .addObject()
                .put("type", "summary_text")
                .put("text", summary);
        output.add(item);
        return add(
                "response.output_item.done", e -> e.put("output_index", index).set("item", item.deepCopy()));
    }

    /** A function call item whose arguments stream in these fragments. */
    public ResponsesEventScript functionCall(String callId, String name, String... fragments) {
        String itemId = "fc_" + responseId + "_" + output.size();
        int index = output.size();
        ObjectNode item = JSON.createObjectNode().put("type", "function_call").put("id", itemId);
        item.put("call_id", callId).put("name", name).put("arguments", "").put("status", "in_progress");
        add("response.output_item.added", e -> e.put("output_index", index).set("item", item.deepCopy()));
        String arguments = String.join("", fragments);
        for (String fragment : fragments) {
            add(
                    "response.function_call_arguments.delta",
                    e -> e.put("item_id", itemId).put("output_index", index).put("delta", fragment));
        }
        add(
                "response.function_call_arguments.done",
                e -> e.put("item_id", itemId).put("output_index", index).put("arguments", arguments));
        item.put("arguments", arguments).put("status", "completed");
        output.add(item);
        return add(
                "response.output_item.done", e -> e.put("output_index", index).set("item", item.deepCopy()));
    }

    /** {@code response.completed} with the output so far and usage 10 in (2 cached), 5 out. */
    public ResponsesEventScript completed() {
        return add("response.completed", e -> e.set("response", response("completed")));
    }

    /** {@code response.incomplete} because of {@code max_output_tokens}. */
    public ResponsesEventScript incompleteMaxTokens() {
        ObjectNode response = response("incomplete");
        response.putObject("incomplete_details").put("reason", "max_output_tokens");
        return add("response.incomplete", e -> e.set("response", response));
    }

    /** {@code response.failed} with this error code and message. */
    public ResponsesEventScript failed(String code, String message) {
        ObjectNode response = response("failed");
        response.putObject("error").put("code", code).put("message", message);
        return add("response.failed", e -> e.set("response", response));
    }

    /** An event of a type the protocol does not define. */
    public ResponsesEventScript unknown() {
        return add("response.hologram.delta", e -> e.put("delta", "ignore me"));
    }

    /** An event whose data is not JSON. */
    public ResponsesEventScript malformed() {
        events.add(new Event("response.output_text.delta", "{\"type\":\"response.output_text.delta\",\"delta\":"));
        return this;
    }

    /** The SSE {@code error} event (flat {@code code}/{@code message}). */
    public ResponsesEventScript sseError(String code, String message) {
        return add("error", e -> e.put("code", code).put("message", message).putNull("param"));
    }

    /** The SSE framing of these events: {@code event:} and {@code data:} lines and a blank line each. */
    public static String sse(List<Event> events) {
        StringBuilder sb = new StringBuilder();
        events.forEach(e -> sb.append("event: ")
                .append(e.type())
                .append("\ndata: ")
                .append(e.json())
                .append("\n\n"));
        return sb.toString();
    }

    /** A WebSocket-mode error frame: nested {@code error} object and {@code status}. */
    public static String wsError(int status, String code, String message) {
        ObjectNode frame = JSON.createObjectNode().put("type", "error").put("status", status);
        frame.putObject("error")
                .put("type", status == 429 ? "rate_limit_error" : "invalid_request_error")
                .put("code", code)
                .put("message", message)
                .putNull("param");
        return frame.toString();
    }

    /** The HTTP error body of the API: {@code {"error":{message,type,param,code}}}. */
    public static String httpError(String message, String type) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error")
                .put("message", message)
                .put("type", type)
                .putNull("param")
                .putNull("code");
        return body.toString();
    }

    private ObjectNode response(String status) {
        ObjectNode r = JSON.createObjectNode().put("id", responseId).put("object", "response");
        r.put("created_at", 1_760_000_000L).put("status", status).put("model", model);
        r.putNull("error");
        r.putNull("incomplete_details");
        r.set("output", output.deepCopy());
        if (status.equals("in_progress")) {
            r.putNull("usage");
        } else {
            ObjectNode usage = r.putObject("usage").put("input_tokens", 10);
            usage.putObject("input_tokens_details").put("cached_tokens", 2);
            usage.put("output_tokens", 5);
            usage.putObject("output_tokens_details").put("reasoning_tokens", 0);
            usage.put("total_tokens", 15);
        }
        return r;
    }

    private static ObjectNode part(ObjectNode e, String itemId, int index) {
        return e.put("item_id", itemId).put("output_index", index).put("content_index", 0);
    }

    private static ObjectNode textPart(String text) {
        ObjectNode part = JSON.createObjectNode().put("type", "output_text").put("text", text);
        part.putArray("annotations");
        return part;
    }

    private ResponsesEventScript add(String type, java.util.function.Consumer<ObjectNode> body) {
        ObjectNode e = JSON.createObjectNode().put("type", type);
        body.accept(e);
        e.put("sequence_number", sequence++);
        events.add(new Event(type, e.toString()));
        return this;
    }
}
