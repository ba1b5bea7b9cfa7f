package openclaw.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import openclaw.agent.TurnInput;
import openclaw.agent.TurnOptions;
import openclaw.sdk.provider.ThinkingLevel;

/**
 * A validated {@code POST /v1/chat/completions} body. Known fields of the wrong type or out of range get a 400 naming
 * the field, as OpenAI answers; unknown fields are ignored. Sampling fields ({@code temperature}, {@code top_p},
 * {@code stop}, …) are checked but not applied: the agent's own model settings decide.
 *
 * @param model the agent target, echoed in the answer
 * @param stream whether to answer with server-sent events
 * @param includeUsage {@code stream_options.include_usage}: a usage chunk before {@code [DONE]}
 * @param user the end user, which gives a stable session
 * @param input what the turn answers
 * @param options instructions, client tools, seed history and the output cap
 * @param thinking the reasoning level from {@code reasoning_effort}, else the agent's own
 */
record ChatCompletionRequest(
        String model,
        boolean stream,
        boolean includeUsage,
        Optional<String> user,
        TurnInput input,
        TurnOptions options,
        Optional<ThinkingLevel> thinking) {

    /** Validates a request body. */
    static ChatCompletionRequest parse(JsonBody body) {
        String model = body.requiredString("model");
        ArrayNode messages = body.array("messages")
                .orElseThrow(() -> ApiError.invalid("messages", "Missing required parameter: 'messages'."));
        boolean stream = body.bool("stream").orElse(false);
        boolean includeUsage = includeUsage(body, stream);
        checkSampling(body);
        Optional<Integer> legacyMax = body.integer("max_tokens", 1, Integer.MAX_VALUE);
        Optional<Integer> maxTokens =
                body.integer("max_completion_tokens", 1, Integer.MAX_VALUE).or(() -> legacyMax);
        Optional<String> user = body.string("user");
        Optional<JsonNode> toolChoice = body.get("tool_choice");
        var clientTools = ChatTools.of(body.array("tools"), toolChoice);
        body.bool("parallel_tool_calls");
        ChatConversation conversation = ChatConversation.of(messages);
        return new ChatCompletionRequest(
                model,
                stream,
                includeUsage,
                user,
                conversation.input(),
                new TurnOptions(conversation.instructions(), clientTools, conversation.seed(), maxTokens),
                thinking(body.string("reasoning_effort")));
    }

    private static boolean includeUsage(JsonBody body, boolean stream) {
        Optional<ObjectNode> options = body.object("stream_options");
        if (options.isEmpty()) {
            return false;
        }
        if (!stream) {
            throw ApiError.invalid(
                    "stream_options", "The 'stream_options' parameter is only allowed when 'stream' is enabled.");
        }
        JsonNode usage = options.get().get("include_usage");
        if (usage == null || usage.isNull()) {
            return false;
        }
        if (!usage.isBoolean()) {
            throw JsonBody.wrongType("stream_options.include_usage", "a boolean", usage);
        }
        return usage.asBoolean();
    }

    /** Type and range checks of the fields the agent does not use, so a client's mistake still gets its 400. */
    private static void checkSampling(JsonBody body) {
        body.integer("n", 1, 128).filter(n -> n > 1).ifPresent(n -> {
            throw ApiError.invalid("n", "OpenClaw answers with one choice: 'n' must be 1, got " + n + ".");
        });
        range(body, "temperature", 0, 2);
        range(body, "top_p", 0, 1);
        range(body, "presence_penalty", -2, 2);
        range(body, "frequency_penalty", -2, 2);
        body.get("seed").filter(s -> !s.isIntegralNumber()).ifPresent(s -> {
            throw JsonBody.wrongType("seed", "an integer", s);
        });
        body.bool("logprobs");
        body.integer("top_logprobs", 0, 20);
        body.bool("store");
        body.object("metadata");
        body.object("logit_bias");
        body.string("service_tier");
        body.get("stop").ifPresent(ChatCompletionRequest::checkStop);
        body.object("response_format").ifPresent(f -> {
            String type = ChatConversation.requiredString(f, "type", "response_format");
            if (!type.equals("text") && !type.equals("json_object") && !type.equals("json_schema")) {
                throw ApiError.invalid(
                        "response_format.type",
                        "Invalid value: '" + type + "'. Supported values are: 'text', 'json_object' and"
                                + " 'json_schema'.");
            }
        });
    }

    private static void range(JsonBody body, String field, double min, double max) {
        body.number(field).filter(v -> v < min || v > max).ifPresent(v -> {
            throw ApiError.invalid(
                    field,
                    "Invalid '" + field + "': " + v + " is out of range; expected a value between " + min + " and "
                            + max + ".");
        });
    }

    private static void checkStop(JsonNode stop) {
        if (stop.isTextual()) {
            return;
        }
        if (!stop.isArray()) {
            throw JsonBody.wrongType("stop", "a string or an array of strings", stop);
        }
        for (int i = 0; i < stop.size(); i++) {
            if (!stop.get(i).isTextual()) {
                throw JsonBody.wrongType("stop[" + i + "]", "a string", stop.get(i));
            }
        }
    }

    /** {@code reasoning_effort} as a thinking level; {@code medium} keeps the agent's own. */
    private static Optional<ThinkingLevel> thinking(Optional<String> effort) {
        if (effort.isEmpty()) {
            return Optional.empty();
        }
        return switch (effort.get()) {
            case "none", "minimal" -> Optional.of(ThinkingLevel.OFF);
            case "low" -> Optional.of(ThinkingLevel.LOW);
            case "medium" -> Optional.empty();
            case "high", "xhigh" -> Optional.of(ThinkingLevel.HIGH);
            default ->
                throw ApiError.invalid(
                        "reasoning_effort",
                        "Invalid value: '" + effort.get() + "'. Supported values are: 'none', 'minimal', 'low',"
                                + " 'medium', 'high' and 'xhigh'.");
        };
    }
}
