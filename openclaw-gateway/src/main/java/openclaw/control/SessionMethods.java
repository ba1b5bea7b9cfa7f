package openclaw.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import openclaw.session.SessionException;
import openclaw.session.SessionView;
import openclaw.store.SessionRecord;
import openclaw.store.SessionStore;

/**
 * {@code sessions.list}, {@code sessions.describe}, {@code sessions.subscribe} (then {@code sessions.changed} events when a run starts or ends in
 * any session), {@code sessions.reset} and {@code sessions.delete}. Stateless.
 */
final class SessionMethods {

    /**
     * {@code sessions.list} params of protocol v4; {@code limit}, {@code offset}, {@code activeMinutes},
     * {@code agentId} and {@code search} have an effect, the others are accepted and ignored.
     */
    private static final Set<String> LIST_FIELDS = Set.of(
            "limit",
            "offset",
            "activeMinutes",
            "activeOnly",
            "requireLastInteraction",
            "sortBy",
            "includeGlobal",
            "includeUnknown",
            "excludeSubagents",
            "excludeCron",
            "excludeSystem",
            "configuredAgentsOnly",
            "includeDerivedTitles",
            "includeLastMessage",
            "includeActivitySummary",
            "label",
            "projectId",
            "workspaceDir",
            "group",
            "pinned",
            "boardFace",
            "hasBoard",
            "creatorId",
            "ownerId",
            "ownerFirst",
            "involvingMe",
            "profileRelation",
            "involvingProfileId",
            "includePeople",
            "spawnedBy",
            "agentId",
            "search",
            "archived");

    private static final Set<String> DELETE_FIELDS = Set.of(
            "key",
            "agentId",
            "deleteTranscript",
            "expectedSessionId",
            "expectedLifecycleRevision",
            "expectedSessionUpdatedAt",
            "emitLifecycleHooks",
            "archivedOnly");

    private SessionMethods() {}

    static List<Method> all(ControlPlane plane, ControlServices s) {
        return List.of(
                new Method("sessions.list", Principal.READ, LIST_FIELDS, (call, p) -> list(s, p)),
                new Method(
                        "sessions.describe",
                        Principal.READ,
                        Set.of("key", "agentId", "includeDerivedTitles", "includeLastMessage"),
                        (call, p) -> describe(s, p)),
                new Method("sessions.subscribe", Principal.READ, LIST_FIELDS, (call, p) -> {
                    plane.subscribeSessions(call.connection());
                    ObjectNode result = Frames.object().put("subscribed", true);
                    if (!p.isEmpty()) {
                        result.set("list", list(s, p));
                    }
                    return result;
                }),
                // operator.admin, as in OpenClaw (the /session reset chat command needs only operator.write)
                new Method(
                        "sessions.reset",
                        Principal.ADMIN,
                        Set.of("key", "agentId", "reason", "expectedSessionId"),
                        (call, p) -> reset(s, p)),
                new Method("sessions.delete", Principal.ADMIN, DELETE_FIELDS, (call, p) -> delete(s, p)));
    }

    /** Newest first; {@code offset} pages, and {@code hasMore}/{@code nextOffset} say whether another page exists. */
    private static JsonNode list(ControlServices s, Params p) {
        int limit = p.optLong("limit", 1, 10_000).orElse(100L).intValue();
        int offset = p.optLong("offset", 0, 1_000_000).orElse(0L).intValue();
        Optional<Long> activeMinutes = p.optLong("activeMinutes", 1, 10_000_000);
        Optional<String> search = p.optString("search", 512).map(x -> x.toLowerCase(Locale.ROOT));
        long now = s.clock().millis();
        boolean filtered = activeMinutes.isPresent() || search.isPresent();
        List<SessionView> views = s
                .sessions()
                .list(filtered ? Integer.MAX_VALUE : offset + limit + 1, p.optString("agentId", 128))
                .stream()
                .filter(v -> activeMinutes.isEmpty()
                        || now - v.session().updatedAt().toEpochMilli() <= activeMinutes.get() * 60_000)
                .filter(v ->
                        search.isEmpty() || v.key().toLowerCase(Locale.ROOT).contains(search.get()))
                .toList();
        ObjectNode result = Frames.object().put("ts", now).put("path", s.store().describe());
        ArrayNode sessions = result.putArray("sessions");
        for (SessionView v : views.subList(Math.min(offset, views.size()), Math.min(offset + limit, views.size()))) {
            sessions.add(row(s, v));
        }
        result.put("count", sessions.size());
        boolean more = views.size() > offset + limit;
        result.put("hasMore", more);
        if (more) {
            result.put("nextOffset", offset + limit);
        }
        return result;
    }

    /**
     * One session in OpenClaw's SessionRow terms ({@code key}, {@code sessionId}, {@code agentId}, {@code isMain},
     * {@code kind}, {@code createdAt}, {@code updatedAt}, {@code model}, {@code modelProvider}) plus this gateway's
     * {@code messages}, {@code expired} and {@code expiresAt}.
     */
    private static ObjectNode row(ControlServices s, SessionView v) {
        ObjectNode row = Frames.object()
                .put("key", v.key())
                .put("sessionId", sessionId(v.session()))
                .put("agentId", v.agentId())
                .put("isMain", v.key().equals("agent:" + v.agentId() + ":main"))
                .put("kind", "direct")
                .put("createdAt", v.session().createdAt().toEpochMilli())
                .put("updatedAt", v.session().updatedAt().toEpochMilli());
        Optional.ofNullable(s.agents().get().get(v.agentId()))
                .ifPresent(a -> row.put("model", a.model().name())
                        .put("modelProvider", a.model().provider()));
        row.put("messages", v.messages()).put("expired", v.expired());
        if (v.expiresAt().isPresent()) {
            row.put("expiresAt", v.expiresAt().get().toEpochMilli());
        } else {
            row.putNull("expiresAt");
        }
        return row;
    }

    private static JsonNode describe(ControlServices s, Params p) {
        String key = p.string("key", SessionStore.MAX_KEY_LENGTH);
        ObjectNode result = Frames.object();
        s.sessions().find(key).ifPresentOrElse(v -> result.set("session", row(s, v)), () -> result.putNull("session"));
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
                    .put("sessionId", sessionId(v.session()))
                    .put("agentId", v.agentId())
                    .put("updatedAt", v.session().updatedAt().toEpochMilli())
                    .put("messages", v.messages());
            return result;
        } catch (SessionException e) {
            throw RpcException.invalidParams("sessions.reset", e.getMessage());
        }
    }

    /**
     * OpenClaw's durable session id: it names the current conversation, so it changes when the session is reset (a
     * name-based UUID of the key, creation time and the start of the current conversation).
     */
    static String sessionId(SessionRecord r) {
        String name = r.key() + "|" + r.createdAt().toEpochMilli() + "|" + r.historyFrom();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static JsonNode delete(ControlServices s, Params p) {
        String key = p.string("key", SessionStore.MAX_KEY_LENGTH);
        Optional<String> expected = p.optString("expectedSessionId", 128);
        if (expected.isPresent()) {
            Optional<String> current = s.sessions().find(key).map(v -> sessionId(v.session()));
            if (current.isPresent() && !current.get().equals(expected.get())) {
                throw RpcException.invalidParams(
                        "sessions.delete",
                        "session " + key + " is now " + current.get() + ", not the expected " + expected.get()
                                + " (it was reset); list the sessions again");
            }
        }
        s.runs().abort(key, Optional.empty());
        ObjectNode result = Frames.object()
                .put("ok", true)
                .put("key", key)
                .put("deleted", s.sessions().delete(key));
        result.putArray("archived"); // OpenClaw's SessionsDeleteResult; this gateway keeps no archives
        return result;
    }
}
