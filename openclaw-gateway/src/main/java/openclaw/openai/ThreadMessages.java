package openclaw.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import openclaw.sdk.provider.StreamEvent;
import openclaw.session.SessionKey;
import openclaw.store.KeyValueStore;
import openclaw.store.SessionRecord;
import openclaw.store.TranscriptEntry;
import openclaw.store.TranscriptStore;

/**
 * A thread's messages. Their text lives in the thread session's transcript (user entries, and the assistant entries
 * runs write), so the agent sees them as its conversation; the message ids, with each message's transcript seq, run,
 * assistant and metadata, live in the key-value namespace {@code openai.messages/<thread_id>}. Ids sort in creation
 * order, which is also transcript order. Deleting a message starts a new conversation in the session holding every
 * other message (transcripts are append-only), so the model no longer sees it; the ids stay. Thread-safe for
 * callers holding the thread's lock ({@link ThreadStore#locked}).
 */
final class ThreadMessages {

    private final ApiContext context;

    ThreadMessages(ApiContext context) {
        this.context = context;
    }

    static String ns(String threadId) {
        return "openai.messages/" + threadId;
    }

    /** Adds a message (user or assistant) at the end of the thread; the caller checked that no run is active. */
    ObjectNode add(ObjectNode thread, ThreadMessageInput m) {
        String key = ThreadStore.sessionKey(thread);
        ensureSession(key);
        String content = m.role().equals("user") ? user(m.text()) : assistant(m.text());
        TranscriptEntry e = context.store().transcripts().append(key, m.role(), content);
        ObjectNode entry = entry(AssistantJson.newId("msg_", context.clock()), e.seq(), m.role());
        entry.set("metadata", m.metadata());
        entry.set("attachments", m.attachments());
        save(ThreadStore.id(thread), entry);
        return view(thread, entry, m.text());
    }

    /** The thread's messages, oldest first, optionally only those a run created. */
    List<ObjectNode> list(ObjectNode thread, Optional<String> runId) {
        Map<Long, String> texts = texts(thread);
        return entries(ThreadStore.id(thread)).stream()
                .filter(e -> runId.map(r -> r.equals(e.path("run_id").asText())).orElse(true))
                .map(e -> view(thread, e, texts.getOrDefault(e.path("seq").asLong(), "")))
                .toList();
    }

    Optional<ObjectNode> find(ObjectNode thread, String messageId) {
        return context.store()
                .keyValues()
                .get(ns(ThreadStore.id(thread)), messageId)
                .map(AssistantJson::parse)
                .map(e ->
                        view(thread, e, texts(thread).getOrDefault(e.path("seq").asLong(), "")));
    }

    ObjectNode require(ObjectNode thread, String messageId) {
        return find(thread, messageId).orElseThrow(() -> AssistantJson.notFound("message", "message_id", messageId));
    }

    ObjectNode modify(ObjectNode thread, String messageId, ObjectNode metadata) {
        String threadId = ThreadStore.id(thread);
        ObjectNode entry = context.store()
                .keyValues()
                .get(ns(threadId), messageId)
                .map(AssistantJson::parse)
                .orElseThrow(() -> AssistantJson.notFound("message", "message_id", messageId));
        entry.set("metadata", metadata);
        save(threadId, entry);
        return require(thread, messageId);
    }

    /**
     * Deletes a message: a new conversation starts in the session with every other entry of the current one copied
     * (tool results of a deleted tool-calling answer go too), and the remaining messages point at their copies.
     */
    boolean delete(ObjectNode thread, String messageId) {
        String threadId = ThreadStore.id(thread);
        KeyValueStore kv = context.store().keyValues();
        Optional<ObjectNode> gone = kv.get(ns(threadId), messageId).map(AssistantJson::parse);
        if (gone.isEmpty()) {
            return false;
        }
        String key = ThreadStore.sessionKey(thread);
        long seq = gone.get().path("seq").asLong();
        Optional<SessionRecord> session = context.store().sessions().find(key);
        if (session.isPresent() && seq > session.get().historyFrom()) {
            TranscriptStore transcripts = context.store().transcripts();
            List<TranscriptEntry> current = transcripts.read(key, session.get().historyFrom(), Integer.MAX_VALUE);
            Set<String> droppedCalls = new HashSet<>();
            current.stream().filter(e -> e.seq() == seq).forEach(e -> AssistantJson.parse(e.content())
                    .path("toolCalls")
                    .forEach(c -> droppedCalls.add(c.path("id").asText())));
            context.sessions().reset(key);
            Map<Long, Long> moved = new HashMap<>();
            for (TranscriptEntry e : current) {
                boolean droppedResult = e.role().equals("tool")
                        && droppedCalls.contains(
                                AssistantJson.parse(e.content()).path("callId").asText());
                if (e.seq() != seq && !droppedResult) {
                    moved.put(
                            e.seq(),
                            transcripts.append(key, e.role(), e.content()).seq());
                }
            }
            for (ObjectNode entry : entries(threadId)) {
                Long to = moved.get(entry.path("seq").asLong());
                if (to != null) {
                    save(threadId, entry.put("seq", to));
                }
            }
        }
        return kv.delete(ns(threadId), messageId);
    }

    /**
     * Indexes the answers a run wrote after {@code fromSeq} (assistant entries with text) under {@code ids}, in order
     * (more answers than ids get new ids), and returns them.
     */
    List<ObjectNode> indexRun(ObjectNode thread, long fromSeq, List<String> ids, String runId, String assistantId) {
        String key = ThreadStore.sessionKey(thread);
        List<ObjectNode> added = new ArrayList<>();
        for (TranscriptEntry e : context.store().transcripts().read(key, fromSeq, Integer.MAX_VALUE)) {
            String text = e.role().equals("assistant")
                    ? AssistantJson.parse(e.content()).path("text").asText("")
                    : "";
            if (text.isBlank()) {
                continue;
            }
            String id =
                    added.size() < ids.size() ? ids.get(added.size()) : AssistantJson.newId("msg_", context.clock());
            ObjectNode entry =
                    entry(id, e.seq(), "assistant").put("run_id", runId).put("assistant_id", assistantId);
            save(ThreadStore.id(thread), entry);
            added.add(view(thread, entry, text));
        }
        return added;
    }

    /**
     * Answers tool calls nobody will answer (the run was cancelled or expired), so the conversation stays valid for
     * the next run.
     */
    void closeToolCalls(ObjectNode thread, JsonNode toolCalls, String reason) {
        String key = ThreadStore.sessionKey(thread);
        List<StreamEvent.ToolCall> pending = context.pendingToolCalls().apply(key);
        for (JsonNode c : toolCalls) {
            String id = c.path("id").asText();
            if (pending.stream().anyMatch(p -> p.callId().equals(id))) {
                ObjectNode result = AssistantJson.object()
                        .put("callId", id)
                        .put("name", c.path("function").path("name").asText())
                        .put("content", reason)
                        .put("isError", true);
                context.store().transcripts().append(key, "tool", result.toString());
            }
        }
    }

    /** Whether the thread's conversation ends with a user message, which a run answers. */
    boolean awaitsAnswer(ObjectNode thread) {
        String key = ThreadStore.sessionKey(thread);
        Optional<SessionRecord> s = context.store().sessions().find(key);
        if (s.isEmpty()) {
            return false;
        }
        String last = "";
        for (TranscriptEntry e : context.store().transcripts().read(key, s.get().historyFrom(), Integer.MAX_VALUE)) {
            if (!e.role().equals("error")) {
                last = e.role();
            }
        }
        return last.equals("user");
    }

    private List<ObjectNode> entries(String threadId) {
        return context.store().keyValues().list(ns(threadId)).values().stream()
                .map(AssistantJson::parse)
                .toList();
    }

    private Map<Long, String> texts(ObjectNode thread) {
        Map<Long, String> texts = new HashMap<>();
        for (TranscriptEntry e :
                context.store().transcripts().read(ThreadStore.sessionKey(thread), 0, Integer.MAX_VALUE)) {
            if (e.role().equals("user") || e.role().equals("assistant")) {
                texts.put(e.seq(), AssistantJson.parse(e.content()).path("text").asText(""));
            }
        }
        return texts;
    }

    private ObjectNode entry(String id, long seq, String role) {
        ObjectNode entry = AssistantJson.object()
                .put("id", id)
                .put("seq", seq)
                .put("role", role)
                .put("created_at", AssistantJson.seconds(context.clock()))
                .putNull("run_id")
                .putNull("assistant_id");
        entry.putObject("metadata");
        entry.putArray("attachments");
        return entry;
    }

    private void save(String threadId, ObjectNode entry) {
        context.store().keyValues().put(ns(threadId), entry.path("id").asText(), entry.toString());
    }

    private void ensureSession(String key) {
        if (context.store().sessions().find(key).isEmpty()) {
            String agent = SessionKey.parse(key).agentId().orElseGet(context.defaultAgent());
            context.store().sessions().getOrCreate(key, agent);
        }
    }

    /** The public message object. */
    static ObjectNode view(ObjectNode thread, ObjectNode entry, String text) {
        ObjectNode m = AssistantJson.object()
                .put("id", entry.path("id").asText())
                .put("object", "thread.message")
                .put("created_at", entry.path("created_at").asLong())
                .put("thread_id", ThreadStore.id(thread))
                .put("status", "completed")
                .putNull("incomplete_details")
                .put("completed_at", entry.path("created_at").asLong())
                .putNull("incomplete_at")
                .put("role", entry.path("role").asText());
        ArrayNode content = m.putArray("content");
        content.add(ThreadMessageInput.textPart(text));
        m.set("assistant_id", entry.path("assistant_id"));
        m.set("run_id", entry.path("run_id"));
        m.set("attachments", entry.path("attachments"));
        m.set("metadata", entry.path("metadata"));
        return m;
    }

    private static String user(String text) {
        return AssistantJson.object().put("text", text).toString();
    }

    /** An assistant message written by the client, in the transcript's form for imported history. */
    private static String assistant(String text) {
        ObjectNode n = AssistantJson.object().put("text", text);
        n.putArray("toolCalls");
        n.putArray("thinking");
        n.put("model", "client/history").put("stopReason", "imported");
        n.putObject("usage").put("input", 0).put("output", 0).put("cached", 0);
        return n.toString();
    }
}
