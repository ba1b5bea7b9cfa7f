package openclaw.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The threads and messages routes: create (with first messages), retrieve, modify and delete threads (deleting a
 * thread deletes its session); create, list, retrieve, modify and delete messages. Messages cannot be added or deleted
 * while a run of the thread is active (400), as in OpenAI.
 */
final class ThreadRoutes {

    private final ThreadStore threads;
    private final ThreadMessages messages;
    private final RunEngine runs;

    ThreadRoutes(ThreadStore threads, ThreadMessages messages, RunEngine runs) {
        this.threads = threads;
        this.messages = messages;
        this.runs = runs;
    }

    static void register(Router router, ThreadRoutes t) {
        String one = "/v1/threads/{thread_id}";
        String msgs = one + "/messages";
        String msg = msgs + "/{message_id}";
        router.add("POST", "/v1/threads", Scope.ASSISTANTS, "threads", AssistantRoutes.beta(t::create));
        router.add("GET", one, Scope.ASSISTANTS, "threads", AssistantRoutes.beta(t::retrieve));
        router.add("POST", one, Scope.ASSISTANTS, "threads", AssistantRoutes.beta(t::modify));
        router.add("DELETE", one, Scope.ASSISTANTS, "threads", AssistantRoutes.beta(t::delete));
        router.add("POST", msgs, Scope.ASSISTANTS, "threads", AssistantRoutes.beta(t::createMessage));
        router.add("GET", msgs, Scope.ASSISTANTS, "threads", AssistantRoutes.beta(t::listMessages));
        router.add("GET", msg, Scope.ASSISTANTS, "threads", AssistantRoutes.beta(t::retrieveMessage));
        router.add("POST", msg, Scope.ASSISTANTS, "threads", AssistantRoutes.beta(t::modifyMessage));
        router.add("DELETE", msg, Scope.ASSISTANTS, "threads", AssistantRoutes.beta(t::deleteMessage));
    }

    private void create(ApiCall call) {
        JsonBody body = call.jsonOrEmpty();
        List<ThreadMessageInput> first = new ArrayList<>(ThreadMessageInput.parseAll(body, "messages"));
        Optional<ObjectNode> metadata = AssistantJson.metadata(body, "metadata");
        body.object("tool_resources"); // type check only: files are not supported
        ObjectNode thread =
                threads.create(metadata, call.context().defaultAgent().get());
        first.forEach(m -> messages.add(thread, m));
        call.ok(AssistantJson.publicView(thread));
    }

    private void retrieve(ApiCall call) {
        call.ok(AssistantJson.publicView(threads.require(call.path("thread_id"))));
    }

    private void modify(ApiCall call) {
        String id = call.path("thread_id");
        JsonBody body = call.jsonOrEmpty();
        Optional<ObjectNode> metadata = AssistantJson.metadata(body, "metadata");
        ObjectNode thread = threads.locked(id, () -> {
            ObjectNode t = threads.require(id);
            metadata.ifPresent(m -> t.set("metadata", m));
            body.object("tool_resources").ifPresent(r -> t.set("tool_resources", r.deepCopy()));
            threads.save(t);
            return t;
        });
        call.ok(AssistantJson.publicView(thread));
    }

    private void delete(ApiCall call) {
        String id = call.path("thread_id");
        boolean deleted = threads.locked(id, () -> {
            Optional<ObjectNode> thread = threads.find(id);
            thread.ifPresent(runs::stopAll);
            return thread.isPresent() && threads.delete(id);
        });
        if (!deleted) {
            throw AssistantJson.notFound("thread", "thread_id", id);
        }
        call.ok(AssistantRoutes.deleted(id, "thread.deleted"));
    }

    private void createMessage(ApiCall call) {
        String id = call.path("thread_id");
        ThreadMessageInput input = ThreadMessageInput.parse(call.json().node(), "");
        ObjectNode message = threads.locked(id, () -> {
            ObjectNode thread = threads.require(id);
            runs.requireIdle(thread);
            return messages.add(thread, input);
        });
        call.ok(message);
    }

    private void listMessages(ApiCall call) {
        ObjectNode thread = threads.require(call.path("thread_id"));
        Optional<String> runId = call.exchange().query("run_id").filter(r -> !r.isBlank());
        List<ObjectNode> all = messages.list(thread, runId);
        call.ok(AssistantLists.page(call, all, m -> m.path("id").asText(), m -> m));
    }

    private void retrieveMessage(ApiCall call) {
        ObjectNode thread = threads.require(call.path("thread_id"));
        call.ok(messages.require(thread, call.path("message_id")));
    }

    private void modifyMessage(ApiCall call) {
        String id = call.path("thread_id");
        Optional<ObjectNode> metadata = AssistantJson.metadata(call.jsonOrEmpty(), "metadata");
        ObjectNode message = threads.locked(id, () -> {
            ObjectNode thread = threads.require(id);
            return metadata.map(m -> messages.modify(thread, call.path("message_id"), m))
                    .orElseGet(() -> messages.require(thread, call.path("message_id")));
        });
        call.ok(message);
    }

    private void deleteMessage(ApiCall call) {
        String id = call.path("thread_id");
        String messageId = call.path("message_id");
        threads.locked(id, () -> {
            ObjectNode thread = threads.require(id);
            runs.requireIdle(thread);
            if (!messages.delete(thread, messageId)) {
                throw AssistantJson.notFound("message", "message_id", messageId);
            }
            return thread;
        });
        call.ok(AssistantRoutes.deleted(messageId, "thread.message.deleted"));
    }
}
