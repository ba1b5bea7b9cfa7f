package openclaw.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Supplier;
import openclaw.session.KeyLocks;
import openclaw.session.SessionKey;
import openclaw.store.KeyValueStore;

/**
 * Threads. A thread is a stored session, {@code agent:<agent>:assistants:<thread_id>}, created with the thread (for
 * the default agent, or the assistant's agent when the thread comes with its first run) so that messages added before
 * any run are durable transcript entries. Runs of any assistant use that same session: the session's agent is only
 * its label, every run names the agent that answers. The thread object (metadata, the session key) is kept in the
 * key-value namespace {@value #NS}; its messages and runs in per-thread namespaces, deleted with it.
 *
 * <p>Thread-safe. Operations that check and change a thread's state (adding a message only while no run is active,
 * starting a run, submitting tool outputs, cancelling) hold the thread's own lock ({@link KeyLocks}).
 */
final class ThreadStore {

    static final String NS = "openai.threads";

    private final ApiContext context;
    private final KeyLocks locks = new KeyLocks();

    ThreadStore(ApiContext context) {
        this.context = context;
    }

    ApiContext context() {
        return context;
    }

    /** A new thread whose session belongs to {@code agentId}. */
    ObjectNode create(Optional<ObjectNode> metadata, String agentId) {
        String id = AssistantJson.newId("thread_", context.clock());
        String key = SessionKey.of(agentId, "assistants", id, Optional.empty()).value();
        context.store().sessions().getOrCreate(key, agentId);
        ObjectNode t = AssistantJson.object()
                .put("id", id)
                .put("object", "thread")
                .put("created_at", AssistantJson.seconds(context.clock()));
        t.set("metadata", metadata.orElseGet(AssistantJson::object));
        t.putObject("tool_resources");
        t.put("_session", key);
        save(t);
        return t;
    }

    void save(ObjectNode thread) {
        context.store().keyValues().put(NS, thread.path("id").asText(), thread.toString());
    }

    Optional<ObjectNode> find(String id) {
        return context.store().keyValues().get(NS, id).map(AssistantJson::parse);
    }

    /** The thread, or 404. */
    ObjectNode require(String id) {
        return find(id).orElseThrow(() -> AssistantJson.notFound("thread", "thread_id", id));
    }

    static String id(ObjectNode thread) {
        return thread.path("id").asText();
    }

    static String sessionKey(ObjectNode thread) {
        return thread.path("_session").asText();
    }

    /** Deletes the thread, its session (the whole transcript) and its messages and runs; false when unknown. */
    boolean delete(String id) {
        Optional<ObjectNode> thread = find(id);
        if (thread.isEmpty()) {
            return false;
        }
        context.sessions().delete(sessionKey(thread.get()));
        KeyValueStore kv = context.store().keyValues();
        for (String ns : new String[] {ThreadMessages.ns(id), RunStore.ns(id)}) {
            kv.list(ns).keySet().forEach(k -> kv.delete(ns, k));
        }
        return kv.delete(NS, id);
    }

    /** Runs {@code work} holding the thread's lock. */
    <T> T locked(String threadId, Supplier<T> work) {
        return locks.locked(threadId, work);
    }
}
