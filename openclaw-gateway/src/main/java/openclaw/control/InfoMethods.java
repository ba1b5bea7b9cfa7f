package openclaw.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import openclaw.agent.AgentSpec;
import openclaw.agent.ModelRef;
import openclaw.lifecycle.GatewayStatus;
import openclaw.store.SessionRecord;

/** {@code health}, {@code status}, {@code agents.list} and {@code models.list}. Stateless. */
final class InfoMethods {

    private InfoMethods() {}

    static List<Method> all(ControlServices s) {
        return List.of(
                new Method("health", Principal.READ, Set.of("probe"), (call, p) -> health(s)),
                new Method("status", Principal.READ, Set.of(), (call, p) -> status(s, call.principal())),
                new Method("agents.list", Principal.READ, Set.of(), (call, p) -> agents(s)),
                new Method("models.list", Principal.READ, Set.of("agentId"), (call, p) -> models(s)));
    }

    /** OpenClaw's HealthSummary: ok, timing, channels, default agent and a sessions summary. */
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
        health.put("heartbeatSeconds", 0).put("defaultAgentId", s.defaultAgent().get());
        List<SessionRecord> recent = s.store().sessions().list(10);
        ObjectNode sessions = health.putObject("sessions")
                .put("path", s.store().describe())
                .put("count", s.store().sessions().list(Integer.MAX_VALUE).size());
        ArrayNode list = sessions.putArray("recent");
        for (SessionRecord r : recent) {
            long updated = r.updatedAt().toEpochMilli();
            list.addObject().put("key", r.key()).put("updatedAt", updated).put("age", Math.max(0, now - updated));
        }
        health.put("durationMs", (System.nanoTime() - started) / 1_000_000);
        return health;
    }

    private static ObjectNode status(ControlServices s, Principal principal) {
        GatewayStatus st = s.status().get();
        ObjectNode status = Frames.object()
                .put("version", st.version())
                .put("gitSha", st.gitSha())
                .put("uptimeMs", st.uptimeMs())
                .put("phase", st.phase())
                .put("host", st.host())
                .put("port", st.port())
                .put("authMode", st.authMode())
                .put("defaultAgentId", s.defaultAgent().get());
        status.putObject("storage")
                .put("kind", st.storage().kind())
                .put("schemaVersion", st.storage().schemaVersion())
                .put("latestSchemaVersion", st.storage().latestSchemaVersion());
        if (principal.has(Principal.ADMIN)) {
            status.put("pid", st.pid());
            ((ObjectNode) status.get("storage")).put("location", st.storage().location());
        }
        status.set("agents", agents(s).get("agents"));
        return status;
    }

    private static ObjectNode agents(ControlServices s) {
        String defaultId = s.defaultAgent().get();
        ObjectNode result = Frames.object()
                .put("defaultId", defaultId)
                .put("mainKey", "main")
                .put("scope", "per-sender");
        ArrayNode agents = result.putArray("agents");
        s.agents().get().values().forEach(a -> agents.addObject()
                .put("id", a.id())
                .put("name", a.id())
                .put("model", a.model().toString())
                .put("isDefault", a.id().equals(defaultId)));
        return result;
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
