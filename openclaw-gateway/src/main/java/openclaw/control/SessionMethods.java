package openclaw.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import openclaw.session.SessionException;
import openclaw.session.SessionView;
import openclaw.store.SessionStore;

/** {@code sessions.list}, {@code sessions.reset} and {@code sessions.delete}. Stateless. */
final class SessionMethods {

    private static final Set<String> LIST_FIELDS = Set.of(
            "limit",
            "activeMinutes",
            "agentId",
            "search",
            "includeLastMessage",
            "includeGlobal",
            "includeUnknown",
            "includeDerivedTitles",
            "label",
            "spawnedBy");

    private SessionMethods() {}

    static List<Method> all(ControlServices s) {
        return List.of(
                new Method("sessions.list", Principal.READ, LIST_FIELDS, (call, p) -> list(s, p)),
                new Method("sessions.reset", Principal.WRITE, Set.of("key", "reason"), (call, p) -> reset(s, p)),
                new Method(
                        "sessions.delete",
                        Principal.ADMIN,
                        Set.of("key", "deleteTranscript", "emitLifecycleHooks"),
                        (call, p) -> delete(s, p)));
    }

    private static JsonNode list(ControlServices s, Params p) {
        int limit = p.optLong("limit", 1, 10_000).orElse(100L).intValue();
        Optional<Long> activeMinutes = p.optLong("activeMinutes", 1, 10_000_000);
        Optional<String> search = p.optString("search", 512).map(x -> x.toLowerCase(Locale.ROOT));
        long now = s.clock().millis();
        List<SessionView> views = s.sessions().list(limit, p.optString("agentId", 128));
        ObjectNode result = Frames.object().put("ts", now).put("path", s.store().describe());
        ArrayNode sessions = result.putArray("sessions");
        for (SessionView v : views) {
            long updated = v.session().updatedAt().toEpochMilli();
            if (activeMinutes.isPresent() && now - updated > activeMinutes.get() * 60_000) {
                continue;
            }
            if (search.isPresent() && !v.key().toLowerCase(Locale.ROOT).contains(search.get())) {
                continue;
            }
            ObjectNode row = sessions.addObject()
                    .put("key", v.key())
                    .put("agentId", v.agentId())
                    .put("kind", "direct")
                    .put("createdAt", v.session().createdAt().toEpochMilli())
                    .put("updatedAt", updated)
                    .put("messages", v.messages())
                    .put("expired", v.expired());
            if (v.expiresAt().isPresent()) {
                row.put("expiresAt", v.expiresAt().get().toEpochMilli());
            } else {
                row.putNull("expiresAt");
            }
        }
        result.put("count", sessions.size());
        return result;
    }

    private static JsonNode reset(ControlServices s, Params p) {
        String key = p.string("key", SessionStore.MAX_KEY_LENGTH);
        p.optString("reason", 16)
                .filter(r -> !r.equals("new") && !r.equals("reset"))
                .ifPresent(r -> {
                    throw RpcException.invalidParams("sessions.reset", "'reason' must be new or reset");
                });
        try {
            SessionView v = s.sessions().reset(key);
            ObjectNode result = Frames.object().put("ok", true).put("key", key);
            result.putObject("entry")
                    .put("agentId", v.agentId())
                    .put("updatedAt", v.session().updatedAt().toEpochMilli())
                    .put("messages", v.messages());
            return result;
        } catch (SessionException e) {
            throw RpcException.invalidParams("sessions.reset", e.getMessage());
        }
    }

    private static JsonNode delete(ControlServices s, Params p) {
        String key = p.string("key", SessionStore.MAX_KEY_LENGTH);
        s.runs().abort(key, Optional.empty());
        return Frames.object()
                .put("ok", true)
                .put("key", key)
                .put("deleted", s.sessions().delete(key));
    }
}
