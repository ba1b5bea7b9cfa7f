package openclaw.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import openclaw.sdk.provider.ProviderException;
import openclaw.sdk.provider.StopReason;
import openclaw.sdk.provider.StreamEvent;

/**
 * Maps Responses API events (SSE {@code data:} payloads and WebSocket frames alike) of one turn to {@link
 * StreamEvent}s: text and reasoning deltas as they come, a function call once its item is done, usage and the stop
 * reason from the terminal event. {@code response.failed} and {@code error} (flat SSE shape or nested WebSocket shape)
 * throw {@link ProviderException}. Unknown events yield nothing. One instance per turn; not thread-safe.
 */
final class ResponsesEventMapper {

    /** Error codes worth retrying on the same model although they may arrive without an HTTP status. */
    private static final Set<String> RETRYABLE_CODES = Set.of(
            "rate_limit_exceeded",
            "rate_limit_error",
            "server_error",
            "internal_error",
            "server_is_overloaded",
            "overloaded_error",
            "slow_down",
            "websocket_connection_limit_reached");

    private final String provider;
    private final Map<String, StringBuilder> argumentsByItem = new HashMap<>();
    private boolean sawToolCall;
    private boolean terminal;
    private String responseId = "";

    ResponsesEventMapper(String provider) {
        this.provider = provider;
    }

    /** True once a terminal event (completed or incomplete) was mapped. */
    boolean terminal() {
        return terminal;
    }

    /** The response id from {@code response.created} or the terminal event, empty before. */
    String responseId() {
        return responseId;
    }

    /**
     * The stream events one upstream event yields, in order.
     *
     * @throws ProviderException for {@code response.failed} and {@code error}
     */
    List<StreamEvent> map(JsonNode event) {
        String type = event.path("type").asText("");
        return switch (type) {
            case "response.created", "response.in_progress" -> {
                rememberId(event.path("response"));
                yield List.of();
            }
            case "response.output_text.delta" -> delta(event, false);
            case "response.reasoning_summary_text.delta", "response.reasoning_text.delta" -> delta(event, true);
            case "response.function_call_arguments.delta" -> {
                argumentsByItem
                        .computeIfAbsent(event.path("item_id").asText(""), k -> new StringBuilder())
                        .append(event.path("delta").asText(""));
                yield List.of();
            }
            case "response.output_item.done" -> itemDone(event.path("item"));
            case "response.completed" ->
                finish(event.path("response"), sawToolCall ? StopReason.TOOL_USE : StopReason.END_TURN);
            case "response.incomplete" -> finish(event.path("response"), incompleteReason(event.path("response")));
            case "response.failed" -> throw failed(event.path("response").path("error"), 0);
            case "error" -> throw error(event);
            default -> List.of();
        };
    }

    /** The exception for an {@code error} event or frame: WebSocket frames nest {@code error} and carry a status. */
    ProviderException error(JsonNode event) {
        JsonNode nested = event.path("error");
        return failed(nested.isObject() ? nested : event, event.path("status").asInt(0));
    }

    /** The error code of an {@code error} event or frame, empty when absent. */
    static String errorCode(JsonNode event) {
        JsonNode nested = event.path("error");
        return (nested.isObject() ? nested : event).path("code").asText("");
    }

    private List<StreamEvent> delta(JsonNode event, boolean thinking) {
        String delta = event.path("delta").asText("");
        if (delta.isEmpty()) {
            return List.of();
        }
        return List.of(thinking ? new StreamEvent.ThinkingDelta(delta) : new StreamEvent.TextDelta(delta));
    }

    private List<StreamEvent> itemDone(JsonNode item) {
        if (!item.path("type").asText("").equals("function_call")) {
            return List.of();
        }
        String arguments = item.path("arguments").asText("");
        if (arguments.isEmpty()) {
            StringBuilder streamed = argumentsByItem.get(item.path("id").asText(""));
            arguments = streamed == null ? "" : streamed.toString();
        }
        sawToolCall = true;
        return List.of(new StreamEvent.ToolCall(
                item.path("call_id").asText(""), item.path("name").asText(""), arguments.isEmpty() ? "{}" : arguments));
    }

    private List<StreamEvent> finish(JsonNode response, StopReason reason) {
        rememberId(response);
        terminal = true;
        JsonNode usage = response.path("usage");
        StreamEvent.Usage tokens = new StreamEvent.Usage(
                usage.path("input_tokens").asLong(0),
                usage.path("output_tokens").asLong(0),
                usage.path("input_tokens_details").path("cached_tokens").asLong(0));
        return List.of(tokens, new StreamEvent.Finished(reason));
    }

    private StopReason incompleteReason(JsonNode response) {
        return switch (response.path("incomplete_details").path("reason").asText("")) {
            case "max_output_tokens" -> StopReason.MAX_TOKENS;
            case "content_filter" -> StopReason.REFUSAL;
            default -> sawToolCall ? StopReason.TOOL_USE : StopReason.OTHER;
        };
    }

    private ProviderException failed(JsonNode error, int status) {
        String code = error.path("code").asText("");
        if (code.isEmpty()) {
            code = error.path("type").asText("");
        }
        String message = error.path("message").asText("");
        boolean retryable = (status > 0 && ProviderException.isRetryableStatus(status))
                || RETRYABLE_CODES.contains(code)
                || code.contains("rate_limit");
        String text = provider + " response failed" + (code.isEmpty() ? "" : " (" + code + ")")
                + (message.isEmpty() ? "" : ": " + message);
        return new ProviderException(text, retryable, Optional.empty(), status, code);
    }

    private void rememberId(JsonNode response) {
        String id = response.path("id").asText("");
        if (!id.isEmpty()) {
            responseId = id;
        }
    }
}
