package openclaw.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import openclaw.agent.AgentSpec;

/** {@code GET /v1/models} and {@code GET /v1/models/{model}}: the agents, as OpenClaw lists them. */
final class ModelsRoutes {

    /** Seconds since the epoch when this class loaded: the models' {@code created}. */
    private static final long CREATED = System.currentTimeMillis() / 1000;

    private ModelsRoutes() {}

    static void register(Router router) {
        router.add("GET", "/v1/models", Scope.CHAT, "models", ModelsRoutes::list);
        router.add("GET", "/v1/models/{model}", Scope.CHAT, "models", c -> retrieve(c, c.path("model")));
        // The SDKs may send an unescaped slash: GET /v1/models/openclaw/research-bot.
        router.add(
                "GET",
                "/v1/models/{ns}/{name}",
                Scope.CHAT,
                "models",
                c -> retrieve(c, c.path("ns") + "/" + c.path("name")));
    }

    private static void list(ApiCall call) {
        ObjectNode body = ApiResponses.MAPPER.createObjectNode().put("object", "list");
        ArrayNode data = body.putArray("data");
        data.add(model("openclaw"));
        call.context().agents().get().keySet().stream()
                .sorted()
                .forEach(id -> data.add(model(AgentTargets.modelId(id))));
        call.ok(body);
    }

    private static void retrieve(ApiCall call, String id) {
        Map<String, AgentSpec> agents = call.context().agents().get();
        if (AgentTargets.agentOf(id, agents, call.context().defaultAgent().get())
                .isEmpty()) {
            throw ApiError.notFound("model", "model_not_found", "The model '" + id + "' does not exist.");
        }
        call.ok(model(id));
    }

    private static ObjectNode model(String id) {
        return ApiResponses.MAPPER
                .createObjectNode()
                .put("id", id)
                .put("object", "model")
                .put("created", CREATED)
                .put("owned_by", "openclaw");
    }
}
