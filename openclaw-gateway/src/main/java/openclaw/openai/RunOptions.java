package openclaw.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import openclaw.agent.TurnOptions;

/**
 * The checked parameters of a new run ({@code POST /v1/threads/{id}/runs}, {@code POST /v1/threads/runs}): the
 * assistant and the agent that answers ({@code model} overrides the assistant's agent target, and the
 * {@code x-openclaw-agent-id} header overrides both), the instructions (the run's {@code instructions} replace the
 * assistant's, {@code additional_instructions} are appended; both go after the agent's own system prompt), the
 * function tools ({@code tools} replace the assistant's), messages to add first, and the fields the run object echoes.
 * {@code temperature}, {@code top_p} and the token limits other than {@code max_completion_tokens} are echoed only:
 * the agent's model settings apply.
 *
 * @param assistant the assistant
 * @param agentId the agent that answers
 * @param instructions the run's instructions (empty when none)
 * @param tools the run's function tools
 * @param messages messages added to the thread before the run
 * @param echo the run object's echo fields (model, metadata, temperature, …)
 */
record RunOptions(
        AssistantStore.Target assistant,
        String agentId,
        String instructions,
        ArrayNode tools,
        List<ThreadMessageInput> messages,
        ObjectNode echo) {

    RunOptions {
        Objects.requireNonNull(assistant, "assistant");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(instructions, "instructions");
        Objects.requireNonNull(tools, "tools");
        messages = List.copyOf(messages);
        Objects.requireNonNull(echo, "echo");
    }

    static RunOptions parse(ApiCall call, JsonBody body, AssistantStore assistants) {
        AssistantStore.Target assistant = assistants.target(body.requiredString("assistant_id"));
        String model = body.string("model").orElse(assistant.model());
        String agentId = AgentTargets.resolve(call.context(), model, call.header("x-openclaw-agent-id"));
        String instructions = body.node().has("instructions")
                ? body.string("instructions").orElse("")
                : assistant.instructions().orElse("");
        Optional<String> more = body.string("additional_instructions").filter(s -> !s.isBlank());
        if (more.isPresent()) {
            instructions = instructions.isBlank() ? more.get() : instructions + "\n\n" + more.get();
        }
        ArrayNode tools = body.get("tools")
                .map(t -> AssistantTools.validate(t, "tools"))
                .orElse(assistant.tools().deepCopy());
        ObjectNode echo = AssistantJson.object().put("model", model);
        echo.set("metadata", AssistantJson.metadata(body, "metadata").orElseGet(AssistantJson::object));
        echo.put("temperature", 1.0).put("top_p", 1.0);
        AssistantJson.nullableNumber(body, echo, "temperature", 0, 2);
        AssistantJson.nullableNumber(body, echo, "top_p", 0, 1);
        echo.set(
                "max_prompt_tokens",
                body.integer("max_prompt_tokens", 256, Integer.MAX_VALUE)
                        .map(i -> (JsonNode) echo.numberNode(i))
                        .orElse(echo.nullNode()));
        echo.set(
                "max_completion_tokens",
                body.integer("max_completion_tokens", 256, Integer.MAX_VALUE)
                        .map(i -> (JsonNode) echo.numberNode(i))
                        .orElse(echo.nullNode()));
        ObjectNode truncation = AssistantJson.object().put("type", "auto").putNull("last_messages");
        echo.set(
                "truncation_strategy",
                body.object("truncation_strategy")
                        .map(o -> (JsonNode) o.deepCopy())
                        .orElse(truncation));
        body.get("tool_choice").ifPresent(RunOptions::checkToolChoice);
        echo.put("tool_choice", "auto");
        echo.put("parallel_tool_calls", body.bool("parallel_tool_calls").orElse(true));
        echo.set(
                "response_format",
                body.get("response_format").map(AssistantJson::responseFormat).orElse(echo.textNode("auto")));
        List<ThreadMessageInput> messages = ThreadMessageInput.parseAll(body, "additional_messages");
        return new RunOptions(assistant, agentId, instructions, tools, messages, echo);
    }

    /** Only {@code auto}: the agent decides, as its own tools are always offered. */
    private static void checkToolChoice(JsonNode choice) {
        if (!(choice.isTextual() && choice.asText().equals("auto"))) {
            throw ApiError.invalid(
                    "tool_choice", "Only tool_choice 'auto' is supported by this gateway; the agent decides.");
        }
    }

    /** The new run object, {@code queued}, with its internal fields. */
    ObjectNode newRun(String threadId, String sessionKey, Clock clock) {
        long now = AssistantJson.seconds(clock);
        ObjectNode run = AssistantJson.object()
                .put("id", AssistantJson.newId("run_", clock))
                .put("object", "thread.run")
                .put("created_at", now)
                .put("thread_id", threadId)
                .put("assistant_id", assistant.assistantId())
                .put("status", "queued")
                .putNull("required_action")
                .putNull("last_error")
                .put("expires_at", now + RunProgress.WAIT_SECONDS)
                .putNull("started_at")
                .putNull("cancelled_at")
                .putNull("failed_at")
                .putNull("completed_at")
                .putNull("incomplete_details")
                .put("instructions", instructions);
        run.set("tools", tools);
        run.putNull("usage");
        run.setAll(echo);
        run.put("_agent", agentId).put("_session", sessionKey).put("_turns", 0);
        run.putArray("_steps");
        run.putArray("_messages");
        return run;
    }

    /** The turn options of a run object: its instructions and function tools. */
    static TurnOptions turnOptions(ObjectNode run) {
        String instructions = run.path("instructions").asText("");
        JsonNode max = run.path("max_completion_tokens");
        return new TurnOptions(
                instructions.isBlank() ? Optional.empty() : Optional.of(instructions),
                AssistantTools.specs(run.path("tools")),
                List.of(),
                max.isInt() ? Optional.of(max.asInt()) : Optional.empty());
    }
}
