package openclaw.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import openclaw.chat.RunOutcome;

/** JSON shapes of the Responses API: the response object, output items and usage. Stateless. */
final class ResponseObjects {

    private ResponseObjects() {}

    /** A response {@code in_progress} with no output yet, echoing the request's settings. */
    static ObjectNode skeleton(String id, ResponseRequest request, long createdAt) {
        ObjectNode r = ApiResponses.MAPPER.createObjectNode();
        ObjectNode echo = request.echo();
        r.put("id", id);
        r.put("object", "response");
        r.put("created_at", createdAt);
        r.put("status", "in_progress");
        r.put("background", false);
        r.putNull("completed_at");
        r.putNull("error");
        r.putNull("incomplete_details");
        r.put("instructions", request.instructions().orElse(null));
        if (request.maxOutputTokens().isPresent()) {
            r.put("max_output_tokens", request.maxOutputTokens().get());
        } else {
            r.putNull("max_output_tokens");
        }
        r.put("model", request.model());
        r.putArray("output");
        r.set("parallel_tool_calls", echo.get("parallel_tool_calls"));
        r.put("previous_response_id", request.previousResponseId().orElse(null));
        r.set(
                "reasoning",
                echo.has("reasoning")
                        ? echo.get("reasoning")
                        : ApiResponses.MAPPER
                                .createObjectNode()
                                .putNull("effort")
                                .putNull("summary"));
        r.put("store", request.store());
        r.put("temperature", echo.path("temperature").asDouble(1.0));
        r.set("text", echo.has("text") ? echo.get("text") : textFormat());
        r.set("tool_choice", request.toolChoice());
        r.set("tools", echo.has("tools") ? echo.get("tools") : ApiResponses.MAPPER.createArrayNode());
        r.put("top_p", echo.path("top_p").asDouble(1.0));
        r.put("truncation", echo.path("truncation").asText("disabled"));
        r.putNull("usage");
        r.put("user", request.user().orElse(null));
        r.set(
                "metadata",
                echo.path("metadata").isObject() ? echo.get("metadata") : ApiResponses.MAPPER.createObjectNode());
        return r;
    }

    private static ObjectNode textFormat() {
        ObjectNode text = ApiResponses.MAPPER.createObjectNode();
        text.putObject("format").put("type", "text");
        return text;
    }

    /** An assistant message item with one {@code output_text} part. */
    static ObjectNode message(String id, String status, String text) {
        ObjectNode m = ApiResponses.MAPPER.createObjectNode();
        m.put("id", id);
        m.put("type", "message");
        m.put("status", status);
        m.put("role", "assistant");
        m.putArray("content").add(textPart(text));
        return m;
    }

    /** An {@code output_text} content part. */
    static ObjectNode textPart(String text) {
        ObjectNode part = ApiResponses.MAPPER.createObjectNode();
        part.put("type", "output_text");
        part.put("text", text);
        part.putArray("annotations");
        part.putArray("logprobs");
        return part;
    }

    /** A {@code function_call} output item. */
    static ObjectNode functionCall(String id, String status, String callId, String name, String arguments) {
        ObjectNode c = ApiResponses.MAPPER.createObjectNode();
        c.put("id", id);
        c.put("type", "function_call");
        c.put("status", status);
        c.put("call_id", callId);
        c.put("name", name);
        c.put("arguments", arguments);
        return c;
    }

    /** The usage of a finished run. */
    static ObjectNode usage(long input, long output) {
        ObjectNode u = ApiResponses.MAPPER.createObjectNode();
        u.put("input_tokens", input);
        u.putObject("input_tokens_details").put("cached_tokens", 0);
        u.put("output_tokens", output);
        u.putObject("output_tokens_details").put("reasoning_tokens", 0);
        u.put("total_tokens", input + output);
        return u;
    }

    /**
     * The final status of a run: {@code completed} (also when it stopped for client tool calls, as OpenAI reports
     * function calls), {@code incomplete} when the output-token cap cut it, else {@code failed}.
     */
    static String status(RunOutcome outcome) {
        return switch (outcome.status()) {
            case OK, TOOL_CALLS -> outcome.stopReason().equals("max_tokens") ? "incomplete" : "completed";
            case ERROR, ABORTED, REJECTED -> "failed";
        };
    }

    /** Marks {@code response} finished with {@code status}, its usage and, when it failed, the error. */
    static void finish(ObjectNode response, RunOutcome outcome, long now) {
        String status = status(outcome);
        response.put("status", status);
        response.set("usage", usage(outcome.inputTokens(), outcome.outputTokens()));
        switch (status) {
            case "completed" -> response.put("completed_at", now);
            case "incomplete" -> response.putObject("incomplete_details").put("reason", "max_output_tokens");
            default -> {
                ObjectNode error = response.putObject("error");
                error.put("code", "server_error");
                error.put(
                        "message",
                        outcome.status() == RunOutcome.Status.ABORTED
                                ? "The turn was stopped before it finished (aborted, timed out or the gateway is"
                                        + " shutting down)."
                                : outcome.error().orElse("The turn failed."));
            }
        }
    }

    /** An empty completed response: the answer to a WebSocket warm-up ({@code generate:false}). */
    static ObjectNode warmedUp(ObjectNode response, long now) {
        response.put("status", "completed");
        response.put("completed_at", now);
        response.set("usage", usage(0, 0));
        return response;
    }
}
