package openclaw.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stored runs: one JSON object per run in the key-value namespace {@code openai.runs/<thread_id>}, the public run
 * object plus internal fields ({@code _steps}, the run's steps; {@code _agent}, {@code _session}, {@code _segment},
 * {@code _from_seq}, {@code _messages}: how the current turn is executed). Runs are saved at every status change and
 * step boundary, so retrieve, list and submit work after the run's turn ended and after a restart. Thread-safe (the
 * store is).
 */
final class RunStore {

    /** Statuses in which a run still holds its thread. */
    static final Set<String> ACTIVE = Set.of("queued", "in_progress", "requires_action", "cancelling");

    private final ApiContext context;

    RunStore(ApiContext context) {
        this.context = context;
    }

    static String ns(String threadId) {
        return "openai.runs/" + threadId;
    }

    static String id(ObjectNode run) {
        return run.path("id").asText();
    }

    static String status(ObjectNode run) {
        return run.path("status").asText();
    }

    static boolean active(ObjectNode run) {
        return ACTIVE.contains(status(run));
    }

    void save(ObjectNode run) {
        context.store().keyValues().put(ns(run.path("thread_id").asText()), id(run), run.toString());
    }

    Optional<ObjectNode> find(String threadId, String runId) {
        return context.store().keyValues().get(ns(threadId), runId).map(AssistantJson::parse);
    }

    /** The thread's runs, oldest first. */
    List<ObjectNode> list(String threadId) {
        return context.store().keyValues().list(ns(threadId)).values().stream()
                .map(AssistantJson::parse)
                .toList();
    }
}
