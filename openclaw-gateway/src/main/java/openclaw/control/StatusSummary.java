package openclaw.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import openclaw.agent.AgentSpec;
import openclaw.lifecycle.GatewayStatus;

/**
 * The {@code status} result: this gateway's own fields ({@code version}, {@code gitSha}, {@code phase}, {@code host},
 * {@code port}, {@code authMode}, {@code storage}, {@code agents}; {@code pid} and the storage location for admins)
 * plus the parts of OpenClaw's StatusSummary its CLI reads ({@code runtimeVersion}, {@code heartbeat},
 * {@code sessions} with {@code byAgent}, empty {@code tasks}, {@code taskAudit}, {@code channelSummary},
 * {@code queuedSystemEvents}, and {@code cliProjection} when asked). Session paths are {@code "[redacted]"} and recent
 * rows empty for non-admins, as in OpenClaw. Stateless.
 */
final class StatusSummary {

    /** {@code status} params OpenClaw's CLI sends. */
    static final Set<String> FIELDS = Set.of("includeChannelSummary", "includeCliProjection");

    private static final List<String> TASK_STATUSES =
            List.of("queued", "running", "succeeded", "failed", "timed_out", "cancelled", "lost");
    private static final List<String> TASK_RUNTIMES = List.of("subagent", "acp", "cli", "cron");
    private static final List<String> AUDIT_CODES = List.of(
            "stale_queued", "stale_running", "lost", "delivery_failed", "missing_cleanup", "inconsistent_timestamps");

    private StatusSummary() {}

    static ObjectNode of(ControlServices s, Principal principal, Params p) {
        boolean admin = principal.has(Principal.ADMIN);
        GatewayStatus st = s.status().get();
        String defaultId = s.defaultAgent().get();
        ObjectNode status = Frames.object()
                .put("version", st.version())
                .put("gitSha", st.gitSha())
                .put("uptimeMs", st.uptimeMs())
                .put("phase", st.phase())
                .put("host", st.host())
                .put("port", st.port())
                .put("authMode", st.authMode())
                .put("defaultAgentId", defaultId);
        ObjectNode storage = status.putObject("storage")
                .put("kind", st.storage().kind())
                .put("schemaVersion", st.storage().schemaVersion())
                .put("latestSchemaVersion", st.storage().latestSchemaVersion());
        if (admin) {
            status.put("pid", st.pid());
            storage.put("location", st.storage().location());
        }
        status.set("agents", InfoMethods.agentRows(s));
        status.put("runtimeVersion", st.version());
        Map<String, AgentSpec> agents = s.agents().get();
        ObjectNode heartbeat = status.putObject("heartbeat").put("defaultAgentId", defaultId);
        ArrayNode beats = heartbeat.putArray("agents");
        agents.keySet().forEach(id -> beats.addObject()
                .put("agentId", id)
                .put("enabled", false)
                .put("every", "disabled")
                .putNull("everyMs")
                .put("waitingForRoute", false));
        status.putArray("channelSummary");
        status.putArray("queuedSystemEvents");
        status.putArray("degradedSecretOwners");
        status.putArray("degradedPlugins");
        status.set("tasks", tasks());
        status.set("taskAudit", taskAudit());
        status.set("sessions", sessions(s, agents.keySet(), admin));
        if (p.optBoolean("includeCliProjection").orElse(false)) {
            ObjectNode projection = status.putObject("cliProjection");
            ObjectNode a = projection.putObject("agents").put("defaultId", defaultId);
            a.putNull("ownership");
            a.put("selectionRequired", false);
            ArrayNode rows = a.putArray("rows");
            agents.keySet().forEach(id -> rows.addObject().put("id", id));
            projection.putNull("updateChannel");
            projection
                    .putObject("memoryPlugin")
                    .put("enabled", false)
                    .putNull("slot")
                    .put("reason", "not supported by this gateway");
        }
        return status;
    }

    private static ObjectNode sessions(ControlServices s, Set<String> agentIds, boolean admin) {
        String path = admin ? s.store().describe() : "[redacted]";
        Map<String, Integer> counts = new LinkedHashMap<>();
        agentIds.forEach(id -> counts.put(id, 0));
        SortedMap<String, Long> stored = s.store().sessions().countByAgent();
        stored.forEach((id, n) -> counts.merge(id, n.intValue(), Integer::sum));
        ObjectNode sessions = Frames.object();
        ArrayNode paths = sessions.putArray("paths");
        if (admin) {
            paths.add(path);
        }
        sessions.put(
                "count", stored.values().stream().mapToLong(Long::longValue).sum());
        String model = s.agents().get().containsKey(s.defaultAgent().get())
                ? s.agents().get().get(s.defaultAgent().get()).model().toString()
                : null;
        ObjectNode defaults = sessions.putObject("defaults");
        if (model == null) {
            defaults.putNull("model");
        } else {
            defaults.put("model", model);
        }
        defaults.putNull("contextTokens");
        sessions.putArray("recent");
        ArrayNode byAgent = sessions.putArray("byAgent");
        counts.forEach((id, count) -> {
            ObjectNode row =
                    byAgent.addObject().put("agentId", id).put("path", path).put("count", count);
            row.putArray("recent");
        });
        return sessions;
    }

    private static ObjectNode tasks() {
        ObjectNode tasks = Frames.object()
                .put("total", 0)
                .put("active", 0)
                .put("terminal", 0)
                .put("failures", 0);
        ObjectNode byStatus = tasks.putObject("byStatus");
        TASK_STATUSES.forEach(k -> byStatus.put(k, 0));
        ObjectNode byRuntime = tasks.putObject("byRuntime");
        TASK_RUNTIMES.forEach(k -> byRuntime.put(k, 0));
        return tasks;
    }

    private static ObjectNode taskAudit() {
        ObjectNode audit = Frames.object().put("total", 0).put("warnings", 0).put("errors", 0);
        ObjectNode byCode = audit.putObject("byCode");
        AUDIT_CODES.forEach(k -> byCode.put(k, 0));
        return audit;
    }
}
