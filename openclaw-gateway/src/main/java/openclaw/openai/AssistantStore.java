package openclaw.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Assistants: stored assistant objects (key-value namespace {@value #NS}, one JSON object per id) and the agents
 * themselves. A stored assistant names an agent target as its {@code model} and adds its own instructions and
 * function tools; an {@code assistant_id} that is an agent target ({@code openclaw/research-bot}) uses that agent as
 * it is. The agent is resolved on every run, so a reconfigured agent applies at once. Thread-safe (the store is).
 */
final class AssistantStore {

    static final String NS = "openai.assistants";

    /**
     * What a run gets from its assistant.
     *
     * @param assistantId the id the run names
     * @param model the agent target the assistant runs on
     * @param instructions the assistant's instructions, added to the agent's system prompt
     * @param tools the assistant's function tools
     */
    record Target(String assistantId, String model, Optional<String> instructions, ArrayNode tools) {
        Target {
            Objects.requireNonNull(assistantId, "assistantId");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(instructions, "instructions");
            Objects.requireNonNull(tools, "tools");
        }
    }

    private final ApiContext context;

    AssistantStore(ApiContext context) {
        this.context = context;
    }

    ObjectNode create(JsonBody body) {
        String model = body.requiredString("model");
        AgentTargets.resolve(context, model, Optional.empty());
        ObjectNode a = AssistantJson.object()
                .put("id", AssistantJson.newId("asst_", context.clock()))
                .put("object", "assistant")
                .put("created_at", AssistantJson.seconds(context.clock()))
                .putNull("name")
                .putNull("description")
                .put("model", model)
                .putNull("instructions");
        a.putArray("tools");
        a.putObject("tool_resources");
        a.putObject("metadata");
        a.put("temperature", 1.0).put("top_p", 1.0).put("response_format", "auto");
        apply(body, a);
        save(a);
        return a;
    }

    ObjectNode modify(String id, JsonBody body) {
        ObjectNode a = require(id);
        if (body.node().has("model")) {
            String model = body.requiredString("model");
            AgentTargets.resolve(context, model, Optional.empty());
            a.put("model", model);
        }
        apply(body, a);
        save(a);
        return a;
    }

    private static void apply(JsonBody body, ObjectNode a) {
        AssistantJson.nullableString(body, a, "name", 256);
        AssistantJson.nullableString(body, a, "description", 512);
        AssistantJson.nullableString(body, a, "instructions", 256_000);
        body.get("tools").ifPresent(t -> a.set("tools", AssistantTools.validate(t, "tools")));
        body.object("tool_resources").ifPresent(r -> a.set("tool_resources", r.deepCopy()));
        AssistantJson.metadata(body, "metadata").ifPresent(m -> a.set("metadata", m));
        AssistantJson.nullableNumber(body, a, "temperature", 0, 2);
        AssistantJson.nullableNumber(body, a, "top_p", 0, 1);
        body.get("response_format").ifPresent(f -> a.set("response_format", AssistantJson.responseFormat(f)));
    }

    Optional<ObjectNode> find(String id) {
        return context.store().keyValues().get(NS, id).map(AssistantJson::parse);
    }

    ObjectNode require(String id) {
        return find(id).orElseThrow(() -> AssistantJson.notFound("assistant", "assistant_id", id));
    }

    boolean delete(String id) {
        return context.store().keyValues().delete(NS, id);
    }

    /** Every stored assistant, oldest first. */
    List<ObjectNode> all() {
        return context.store().keyValues().list(NS).values().stream()
                .map(AssistantJson::parse)
                .toList();
    }

    private void save(ObjectNode a) {
        context.store().keyValues().put(NS, a.path("id").asText(), a.toString());
    }

    /**
     * The assistant a run names: a stored assistant, or an agent target used as it is.
     *
     * @throws ApiError 404 when it is neither
     */
    Target target(String assistantId) {
        Optional<ObjectNode> stored = assistantId.startsWith("asst_") ? find(assistantId) : Optional.empty();
        if (stored.isPresent()) {
            ObjectNode a = stored.get();
            JsonNode instructions = a.path("instructions");
            return new Target(
                    assistantId,
                    a.path("model").asText(),
                    instructions.isTextual() ? Optional.of(instructions.asText()) : Optional.empty(),
                    (ArrayNode) a.path("tools"));
        }
        boolean agent = AgentTargets.agentOf(
                        assistantId,
                        context.agents().get(),
                        context.defaultAgent().get())
                .isPresent();
        if (!agent) {
            throw ApiError.notFound(
                    "assistant_id",
                    "assistant_not_found",
                    "No assistant found with id '" + assistantId + "'. Use an assistant created with POST"
                            + " /v1/assistants or an agent target such as 'openclaw/<agentId>'.");
        }
        return new Target(assistantId, assistantId, Optional.empty(), ApiResponses.MAPPER.createArrayNode());
    }
}
