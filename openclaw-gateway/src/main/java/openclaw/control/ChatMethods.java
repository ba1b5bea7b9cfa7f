package openclaw.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import openclaw.chat.ChatRuns;
import openclaw.chat.RunOutcome;
import openclaw.chat.RunRequest;
import openclaw.sdk.OpenClawException;
import openclaw.sdk.provider.ThinkingLevel;
import openclaw.session.SessionKey;
import openclaw.store.SessionStore;

/** {@code chat.send}, {@code chat.history}, {@code chat.abort}, {@code agent} and {@code agent.wait}. */
final class ChatMethods {

    /**
     * {@code chat.send} params of protocol v4 (OpenClaw's closed ChatSendParams). Only {@code sessionKey},
     * {@code message}, {@code thinking} and {@code idempotencyKey} have an effect; the others are accepted and ignored.
     */
    private static final Set<String> SEND_FIELDS = Set.of(
            "sessionKey",
            "agentId",
            "sessionId",
            "message",
            "mentions",
            "workContext",
            "intent",
            "thinking",
            "fastMode",
            "fastAutoOnSeconds",
            "queueMode",
            "deliver",
            "originatingChannel",
            "originatingTo",
            "originatingAccountId",
            "originatingThreadId",
            "replyToId",
            "attachments",
            "toolBindings",
            "timeoutMs",
            "systemInputProvenance",
            "systemProvenanceReceipt",
            "suppressCommandInterpretation",
            "expectedLeafEntryId",
            "expectedSessionRoutingContract",
            "expectedPermissionMode",
            "expectedToolOverrides",
            "idempotencyKey");

    /** {@code chat.history} params of protocol v4; {@code limit} and {@code maxChars} have an effect. */
    private static final Set<String> HISTORY_FIELDS = Set.of(
            "sessionKey",
            "agentId",
            "cursor",
            "limit",
            "maxBytes",
            "offset",
            "pendingBefore",
            "inputRunIds",
            "messageId",
            "sessionId",
            "maxChars");

    /**
     * {@code agent} params of protocol v4 (OpenClaw's closed AgentParams). {@code message}, {@code agentId},
     * {@code sessionKey}, {@code sessionId}, {@code thinking} and {@code idempotencyKey} have an effect; per-run model
     * overrides ({@code provider}, {@code model}) are refused with a clear error; the others are accepted and ignored.
     */
    private static final Set<String> AGENT_FIELDS = Set.of(
            "message",
            "agentId",
            "provider",
            "model",
            "to",
            "replyTo",
            "sessionId",
            "sessionKey",
            "expectedExistingSessionId",
            "thinking",
            "deliver",
            "attachments",
            "channel",
            "replyChannel",
            "accountId",
            "replyAccountId",
            "threadId",
            "groupId",
            "groupChannel",
            "groupSpace",
            "timeout",
            "bestEffortDeliver",
            "lane",
            "cwd",
            "cleanupBundleMcpOnRunEnd",
            "modelRun",
            "promptMode",
            "extraSystemPrompt",
            "bootstrapContextMode",
            "bootstrapContextRunKind",
            "acpTurnSource",
            "internalRuntimeHandoffId",
            "internalExecutionIdentityRetry",
            "internalExecutionIdentityRecoveryAttempt",
            "execApprovalFollowupExpectedSessionId",
            "internalEvents",
            "inputProvenance",
            "suppressPromptPersistence",
            "sessionEffects",
            "sourceReplyDeliveryMode",
            "disableMessageTool",
            "swarmCollector",
            "swarmOutputSchema",
            "forceRestartSafeTools",
            "forceCodeModeTools",
            "voiceWakeTrigger",
            "idempotencyKey",
            "label",
            "spawnedBy");

    private final ControlPlane plane;
    private final ControlServices services;

    ChatMethods(ControlPlane plane, ControlServices services) {
        this.plane = plane;
        this.services = services;
    }

    List<Method> all() {
        return List.of(
                new Method("chat.send", Principal.WRITE, SEND_FIELDS, this::send),
                new Method("chat.history", Principal.READ, HISTORY_FIELDS, this::history),
                new Method(
                        "chat.abort",
                        Principal.WRITE,
                        Set.of("sessionKey", "agentId", "runId", "preserveSideRuns"),
                        this::abort),
                new Method("agent", Principal.WRITE, AGENT_FIELDS, this::agent),
                new Method("agent.wait", Principal.WRITE, Set.of("runId", "timeoutMs"), this::await));
    }

    private JsonNode send(Call call, Params p) {
        String sessionKey = p.string("sessionKey", SessionStore.MAX_KEY_LENGTH);
        String message = message(p, "message");
        String runId = p.string("idempotencyKey", 256);
        Optional<ThinkingLevel> thinking = thinking(p);
        call.connection().watch(sessionKey);
        String agentId = agentOf(sessionKey);
        ChatRuns.Start start = start(
                new RunRequest(runId, agentId, sessionKey, message, thinking),
                new RunBroadcaster(plane, runId, sessionKey, agentId, o -> {}));
        String status =
                switch (start) {
                    case ChatRuns.Start.Started s -> "started";
                    case ChatRuns.Start.InFlight s -> "in_flight";
                    case ChatRuns.Start.Finished f -> f.outcome().status() == RunOutcome.Status.OK ? "ok" : "error";
                };
        return Frames.object().put("runId", runId).put("status", status);
    }

    private JsonNode history(Call call, Params p) {
        String sessionKey = p.string("sessionKey", SessionStore.MAX_KEY_LENGTH);
        int limit = p.optLong("limit", 1, 1000).orElse(200L).intValue();
        long maxChars = p.optLong("maxChars", 1, Integer.MAX_VALUE).orElse(Long.MAX_VALUE);
        call.connection().watch(sessionKey);
        return History.of(services, sessionKey, limit, maxChars);
    }

    private JsonNode abort(Call call, Params p) {
        String sessionKey = p.string("sessionKey", SessionStore.MAX_KEY_LENGTH);
        List<String> aborted = services.runs().abort(sessionKey, p.optString("runId", 256));
        ObjectNode result = Frames.object().put("ok", true).put("aborted", !aborted.isEmpty());
        aborted.forEach(result.putArray("runIds")::add);
        if (aborted.isEmpty()) {
            result.putArray("runIds");
        }
        return result;
    }

    private JsonNode agent(Call call, Params p) {
        String message = message(p, "message");
        String runId = p.string("idempotencyKey", 256);
        for (String override : List.of("provider", "model")) {
            if (p.optString(override, 512).isPresent()) {
                throw RpcException.invalidParams(
                        "agent",
                        "per-run model overrides ('" + override + "') are not supported by this gateway; set the"
                                + " agent's model in [agents.<id>.model]");
            }
        }
        String agentId = p.optString("agentId", 128)
                .orElseGet(() -> services.defaultAgent().get());
        if (!services.agents().get().containsKey(agentId)) {
            throw RpcException.invalidParams(
                    "agent",
                    "unknown agent '" + agentId + "'; known: "
                            + String.join(", ", services.agents().get().keySet()));
        }
        // a session id that is not a key names a session of the agent: agent:<agentId>:<sessionId>
        String sessionKey = p.optString("sessionKey", SessionStore.MAX_KEY_LENGTH)
                .or(() -> p.optString("sessionId", SessionStore.MAX_KEY_LENGTH)
                        .map(id -> id.startsWith("agent:") ? id : "agent:" + agentId + ":" + id))
                .orElse("agent:" + agentId + ":main");
        if (sessionKey.length() > SessionStore.MAX_KEY_LENGTH) {
            throw RpcException.invalidParams(
                    "agent", "'sessionId' makes a session key longer than " + SessionStore.MAX_KEY_LENGTH);
        }
        Optional<ThinkingLevel> thinking = thinking(p);
        call.connection().watch(sessionKey);
        long acceptedAt = services.clock().millis();
        Consumer<RunOutcome> answer = outcome -> answerAgent(call, runId, acceptedAt, outcome);
        // OpenClaw answers "accepted" before the run's first event
        call.respond(
                Frames.object().put("runId", runId).put("status", "accepted").put("acceptedAt", acceptedAt));
        ChatRuns.Start start;
        try {
            start = start(
                    new RunRequest(runId, agentId, sessionKey, message, thinking),
                    new RunBroadcaster(plane, runId, sessionKey, agentId, answer));
        } catch (RpcException e) {
            call.respondError(
                    e,
                    Frames.object().put("runId", runId).put("status", "error").put("summary", e.getMessage()));
            return Call.SENT;
        }
        if (start instanceof ChatRuns.Start.Finished f) {
            answer.accept(f.outcome());
        } else if (start instanceof ChatRuns.Start.InFlight) {
            services.runs().await(runId, Duration.ofDays(1)).ifPresent(answer);
        }
        return Call.SENT;
    }

    private void answerAgent(Call call, String runId, long acceptedAt, RunOutcome outcome) {
        ObjectNode payload = Frames.object().put("runId", runId);
        if (outcome.status() == RunOutcome.Status.OK) {
            payload.put("status", "ok").put("summary", "completed");
            ObjectNode result = payload.putObject("result");
            result.putArray("payloads").addObject().put("text", outcome.text());
            result.putObject("meta")
                    .put("durationMs", outcome.endedAtMs() - acceptedAt)
                    .put("stopReason", outcome.stopReason());
            call.respond(payload);
            return;
        }
        payload.put("status", outcome.status() == RunOutcome.Status.ABORTED ? "aborted" : "error");
        String error = outcome.error().orElse("the run was aborted");
        payload.put("summary", error);
        call.respondError(RpcException.invalid(error), payload);
    }

    private JsonNode await(Call call, Params p) {
        String runId = p.string("runId", 256);
        long timeout = p.optLong("timeoutMs", 0, 86_400_000).orElse(30_000L);
        if (!services.runs().known(runId)) {
            throw RpcException.invalidParams("agent.wait", "unknown run '" + runId + "'");
        }
        Optional<RunOutcome> outcome = services.runs().await(runId, Duration.ofMillis(timeout));
        ObjectNode result = Frames.object().put("runId", runId);
        if (outcome.isEmpty()) {
            return result.put("status", "timeout");
        }
        RunOutcome o = outcome.get();
        result.put(
                "status",
                o.status() == RunOutcome.Status.OK
                        ? "ok"
                        : o.status() == RunOutcome.Status.ABORTED ? "aborted" : "error");
        result.put("endedAt", o.endedAtMs());
        o.error().ifPresent(e -> result.put("error", e));
        return result;
    }

    private ChatRuns.Start start(RunRequest request, RunBroadcaster broadcaster) {
        try {
            return services.runs().start(request, broadcaster);
        } catch (OpenClawException e) {
            throw RpcException.unavailable(e.getMessage(), 1000);
        }
    }

    /** The agent a session key names ({@code agent:<id>:...}), else the default agent. */
    String agentOf(String sessionKey) {
        return SessionKey.parse(sessionKey).agentId().orElseGet(services.defaultAgent());
    }

    private static String message(Params p, String field) {
        JsonNode v = p.raw(field);
        if (!v.isTextual()) {
            throw RpcException.invalidParams(p.method(), "'" + field + "' must be a string");
        }
        if (v.asText().isBlank()) {
            throw RpcException.invalidParams(p.method(), "'" + field + "' must not be empty");
        }
        return v.asText();
    }

    private static Optional<ThinkingLevel> thinking(Params p) {
        return p.optString("thinking", 32).map(t -> switch (t.toLowerCase(java.util.Locale.ROOT)) {
            case "off" -> ThinkingLevel.OFF;
            case "minimal", "low" -> ThinkingLevel.LOW;
            case "medium", "high", "xhigh", "max" -> ThinkingLevel.HIGH;
            case "adaptive" -> ThinkingLevel.ADAPTIVE;
            case "default" -> ThinkingLevel.DEFAULT;
            default ->
                throw RpcException.invalidParams(
                        p.method(), "'thinking' must be off, minimal, low, medium, high, xhigh, adaptive or default");
        });
    }
}
