package openclaw.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import openclaw.agent.AgentSpec;
import openclaw.agent.ModelRef;
import openclaw.store.SessionRecord;

/** {@code health}, {@code status} (see {@link StatusSummary}), {@code agents.list} and {@code models.list}. Stateless. */
final class InfoMethods {

    /** {@code models.list} params of protocol v4; all are accepted, and the list always covers every agent's models. */
    /** Sessions listed per summary, as OpenClaw does. */
    private static final int RECENT = 10;

    private static final Set<String> MODELS_FIELDS = Set.of(
            "agentId",
            "sessionKey",
            "authProfileId",
            "provider",
            "includeDetails",
            "includeProviderCapabilities",
            "includeDefaultModels",
            "preparedOnly",
            "refresh",
            "view");

    private InfoMethods() {}

    static List<Method> all(ControlServices s) {
        return List.of(
                new Method("health", Principal.READ, Set.of("probe"), (call, p) -> health(s)),
                new Method(
                        "status",
                        Principal.READ,
                        StatusSummary.FIELDS,
                        (call, p) -> StatusSummary.of(s, call.principal(), p)),
                new Method("agents.list", Principal.READ, Set.of(), (call, p) -> agents(s)),
                new Method("models.list", Principal.READ, MODELS_FIELDS, (call, p) -> models(s)));
    }

    /**
     * OpenClaw's HealthSummary: ok, timing, channels, default agent, a sessions summary, and per agent its (disabled)
     * heartbeat and sessions, so the CLI shows this gateway's agents rather than its own local config.
     */
    static ObjectNode health(ControlServices s) {
        long started = System.nanoTime();
        long now = s.clock().millis();
        ObjectNode health = Frames.object().put("ok", true).put("ts", now);
        ObjectNode channels = health.putObject("channels");
        ArrayNode order = health.putArray("channelOrder");
        ObjectNode labels = health.putObject("channelLabels");
        s.config().get().channels().forEach((type, c) -> {
            channels.putObject(type)
                    .put("configured", !c.accounts().isEmpty())
                    .put("accounts", c.accounts().size());
            order.add(type);
            labels.put(type, type);
        });
        String defaultId = s.defaultAgent().get();
        health.put("heartbeatSeconds", 0).put("defaultAgentId", defaultId);
        String path = s.store().describe();
        SortedMap<String, Long> counts = s.store().sessions().countByAgent();
        ArrayNode agents = health.putArray("agents");
        for (String id : s.agents().get().keySet()) {
            ObjectNode agent = agents.addObject().put("agentId", id).put("isDefault", id.equals(defaultId));
            agent.putObject("heartbeat")
                    .put("enabled", false)
                    .put("every", "disabled")
                    .putNull("everyMs")
                    .put("prompt", "")
                    .put("target", "none")
                    .put("ackMaxChars", 0);
            agent.set(
                    "sessions",
                    sessionSummary(
                            path,
                            counts.getOrDefault(id, 0L),
                            s.store().sessions().list(RECENT, id),
                            now));
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        health.set("sessions", sessionSummary(path, total, s.store().sessions().list(RECENT), now));
        health.put("durationMs", (System.nanoTime() - started) / 1_000_000);
        return health;
    }

    /** OpenClaw's HealthSessionSummary: path, count and the most recently updated sessions (newest first). */
    private static ObjectNode sessionSummary(String path, long count, List<SessionRecord> recent, long now) {
        ObjectNode sessions = Frames.object().put("path", path).put("count", count);
        ArrayNode list = sessions.putArray("recent");
        recent.forEach(r -> {
            long updated = r.updatedAt().toEpochMilli();
            list.addObject().put("key", r.key()).put("updatedAt", updated).put("age", Math.max(0, now - updated));
        });
        return sessions;
    }

    /** OpenClaw's AgentsListResult; each agent an AgentSummary with its model as {primary, fallbacks}. */
    private static ObjectNode agents(ControlServices s) {
        ObjectNode result = Frames.object()
                .put("defaultId", s.defaultAgent().get())
                .put("mainKey", "main")
                .put("scope", "per-sender");
        result.set("agents", agentRows(s));
        return result;
    }

    static ArrayNode agentRows(ControlServices s) {
        ArrayNode agents = Frames.MAPPER.createArrayNode();
        s.agents().get().values().forEach(a -> {
            ObjectNode row = agents.addObject().put("id", a.id()).put("name", a.id());
            ObjectNode model = row.putObject("model").put("primary", a.model().toString());
            ArrayNode fallbacks = model.putArray("fallbacks");
            a.fallbacks().forEach(f -> fallbacks.add(f.toString()));
        });
        return agents;
    }

    private static ObjectNode models(ControlServices s) {
        Set<ModelRef> refs = new LinkedHashSet<>();
        for (AgentSpec a : s.agents().get().values()) {
            refs.addAll(a.modelChain());
        }
        ObjectNode result = Frames.object();
        ArrayNode models = result.putArray("models");
        refs.forEach(r -> models.addObject()
                .put("id", r.name())
                .put("name", r.name())
                .put("provider", r.provider())
                .put("ref", r.toString()));
        return result;
    }
}
