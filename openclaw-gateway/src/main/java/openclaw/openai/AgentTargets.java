package openclaw.openai;

import java.util.Map;
import java.util.Optional;
import openclaw.agent.AgentSpec;

/**
 * OpenClaw's agent targets in the {@code model} field: {@code openclaw} and {@code openclaw/default} (the default
 * agent), {@code openclaw/<id>}, {@code openclaw:<id>}, {@code agent:<id>}, or a bare agent id. The
 * {@code x-openclaw-agent-id} header overrides the model's agent.
 */
public final class AgentTargets {

    private AgentTargets() {}

    /** The model id listed for an agent. */
    public static String modelId(String agentId) {
        return "openclaw/" + agentId;
    }

    /**
     * The agent a request runs on.
     *
     * @throws ApiError 404 {@code model_not_found} for a model that names no configured agent
     */
    public static String resolve(ApiContext context, String model, Optional<String> agentHeader) {
        Map<String, AgentSpec> agents = context.agents().get();
        if (agentHeader.isPresent() && !agentHeader.get().isBlank()) {
            String id = agentHeader.get().strip();
            if (!agents.containsKey(id)) {
                throw ApiError.notFound(
                        "x-openclaw-agent-id",
                        "agent_not_found",
                        "No agent '" + id + "'; configured agents: " + String.join(", ", agents.keySet()) + ".");
            }
            return id;
        }
        return agentOf(model, agents, context.defaultAgent().get())
                .orElseThrow(() -> ApiError.notFound(
                        "model",
                        "model_not_found",
                        "The model '" + model + "' does not exist. Use 'openclaw' for the default agent or"
                                + " 'openclaw/<agentId>' (GET /v1/models lists them)."));
    }

    /** The agent a model id names, if any. */
    static Optional<String> agentOf(String model, Map<String, AgentSpec> agents, String defaultAgent) {
        String m = model.strip();
        if (m.equals("openclaw") || m.equals("openclaw/default") || m.equals("openclaw:default")) {
            return Optional.of(defaultAgent);
        }
        for (String prefix : new String[] {"openclaw/", "openclaw:", "agent:"}) {
            if (m.startsWith(prefix)) {
                String id = m.substring(prefix.length());
                return agents.containsKey(id) ? Optional.of(id) : Optional.empty();
            }
        }
        return agents.containsKey(m) ? Optional.of(m) : Optional.empty();
    }
}
