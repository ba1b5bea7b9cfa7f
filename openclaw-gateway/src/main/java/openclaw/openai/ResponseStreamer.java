package openclaw.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;
import openclaw.chat.RunEvent;
import openclaw.chat.RunOutcome;
import openclaw.sdk.provider.StreamEvent;

/**
 * Turns a run's events into a response's output items and, for streams, into the Responses event sequence: {@code
 * response.created}, {@code response.in_progress}, per message item {@code output_item.added}, {@code
 * content_part.added}, {@code output_text.delta}..., {@code output_text.done}, {@code content_part.done}, {@code
 * output_item.done}; per client tool call {@code output_item.added}, {@code function_call_arguments.delta/.done},
 * {@code output_item.done}; then one terminal event. Every event carries a {@code sequence_number} from 0. Text after a
 * tool call opens a new message item. Used by one thread at a time.
 */
final class ResponseStreamer {

    /** Where events go. */
    interface Sink {
        /** Sends one event; false when the client is gone (the run should be stopped). */
        boolean send(ObjectNode event);

        /** Called with the finished, stored response before its terminal event is sent. */
        default void finished(ResponseStore.Stored stored) {}

        /** Discards events: a non-streamed response. */
        Sink NONE = event -> true;
    }

    private final ObjectNode response;
    private final ArrayNode output;
    private final Sink sink;
    private final Set<String> calls = new HashSet<>();
    private int sequence;
    private boolean alive = true;
    private ObjectNode message;
    private int messageIndex;
    private StringBuilder text;

    ResponseStreamer(ObjectNode response, Sink sink) {
        this.response = response;
        this.output = (ArrayNode) response.get("output");
        this.sink = sink;
    }

    /** False once a send failed. */
    boolean alive() {
        return alive;
    }

    /** {@code response.created} and {@code response.in_progress}. */
    void start() {
        emit(event("response.created").set("response", response.deepCopy()));
        emit(event("response.in_progress").set("response", response.deepCopy()));
    }

    /** Only {@code response.created}: a warm-up answers with it and {@code response.completed}. */
    void created() {
        emit(event("response.created").set("response", response.deepCopy()));
    }

    void on(RunEvent event) {
        switch (event) {
            case RunEvent.Text t -> text(t.delta());
            case RunEvent.ToolRequested r -> call(r.callId(), r.tool(), r.argumentsJson());
            case RunEvent.Started s -> {}
            case RunEvent.ToolStarted s -> {} // the gateway's own tools are not client output (as in OpenClaw)
            case RunEvent.ToolFinished f -> {}
            case RunEvent.Finished f -> {}
        }
    }

    private void text(String delta) {
        if (delta.isEmpty()) {
            return;
        }
        if (message == null) {
            message = ResponseObjects.message(ResponseIds.next("msg_"), "in_progress", "");
            ((ArrayNode) message.get("content")).removeAll();
            messageIndex = output.size();
            output.add(message);
            text = new StringBuilder();
            emit(event("response.output_item.added")
                    .put("output_index", messageIndex)
                    .set("item", message.deepCopy()));
            emit(part("response.content_part.added").set("part", ResponseObjects.textPart("")));
        }
        text.append(delta);
        emit(part("response.output_text.delta")
                .put("delta", delta)
                .set("logprobs", ApiResponses.MAPPER.createArrayNode()));
    }

    private void closeMessage(String status) {
        if (message == null) {
            return;
        }
        String all = text.toString();
        emit(part("response.output_text.done").put("text", all).set("logprobs", ApiResponses.MAPPER.createArrayNode()));
        emit(part("response.content_part.done").set("part", ResponseObjects.textPart(all)));
        ObjectNode done = ResponseObjects.message(message.get("id").asText(), status, all);
        output.set(messageIndex, done);
        emit(event("response.output_item.done")
                .put("output_index", messageIndex)
                .set("item", done.deepCopy()));
        message = null;
    }

    private void call(String callId, String name, String arguments) {
        if (!calls.add(callId)) {
            return;
        }
        closeMessage("completed");
        String id = ResponseIds.next("fc_");
        int index = output.size();
        output.add(ResponseObjects.functionCall(id, "in_progress", callId, name, ""));
        emit(event("response.output_item.added")
                .put("output_index", index)
                .set("item", output.get(index).deepCopy()));
        emit(event("response.function_call_arguments.delta")
                .put("item_id", id)
                .put("output_index", index)
                .put("delta", arguments));
        emit(event("response.function_call_arguments.done")
                .put("item_id", id)
                .put("output_index", index)
                .put("name", name)
                .put("arguments", arguments));
        ObjectNode done = ResponseObjects.functionCall(id, "completed", callId, name, arguments);
        output.set(index, done);
        emit(event("response.output_item.done").put("output_index", index).set("item", done.deepCopy()));
    }

    /**
     * Closes the open items and completes the response object from the outcome (client tool calls the events did not
     * announce are added). The terminal event is sent by {@link #terminal()}, after the response is stored.
     */
    ObjectNode finish(RunOutcome outcome, long now) {
        for (StreamEvent.ToolCall c : outcome.toolCalls()) {
            call(c.callId(), c.toolName(), c.argumentsJson());
        }
        String status = ResponseObjects.status(outcome);
        closeMessage(status.equals("incomplete") ? "incomplete" : "completed");
        ResponseObjects.finish(response, outcome, now);
        return response;
    }

    /** {@code response.completed}, {@code response.incomplete} or {@code response.failed}. */
    void terminal() {
        String type =
                switch (response.path("status").asText()) {
                    case "completed" -> "response.completed";
                    case "incomplete" -> "response.incomplete";
                    default -> "response.failed";
                };
        emit(event(type).set("response", response.deepCopy()));
    }

    private ObjectNode part(String type) {
        return event(type)
                .put("item_id", message.get("id").asText())
                .put("output_index", messageIndex)
                .put("content_index", 0);
    }

    private ObjectNode event(String type) {
        return ApiResponses.MAPPER.createObjectNode().put("type", type);
    }

    private void emit(ObjectNode event) {
        if (!alive || sink == Sink.NONE) {
            return;
        }
        event.put("sequence_number", sequence++);
        alive = sink.send(event);
    }
}
