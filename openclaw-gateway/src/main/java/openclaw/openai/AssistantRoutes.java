package openclaw.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/**
 * The Assistants API v2 (protocols.md §5): registers assistants, threads, messages, runs and run steps, and answers
 * the assistants routes. Every route needs scope {@code assistants} and the {@code OpenAI-Beta: assistants=v2} header
 * (400 without it). Metrics labels: {@code assistants}, {@code threads} (threads and messages), {@code runs} (runs and
 * steps). The stores and the run engine are created here, once per API instance.
 */
final class AssistantRoutes {

    private final AssistantStore assistants;

    private AssistantRoutes(AssistantStore assistants) {
        this.assistants = assistants;
    }

    /** Registers every Assistants route. */
    static void register(Router router, ApiContext context) {
        AssistantStore assistants = new AssistantStore(context);
        ThreadStore threads = new ThreadStore(context);
        ThreadMessages messages = new ThreadMessages(context);
        RunEngine runs = new RunEngine(threads, messages);
        AssistantRoutes a = new AssistantRoutes(assistants);
        String base = "/v1/assistants";
        String one = base + "/{assistant_id}";
        router.add("POST", base, Scope.ASSISTANTS, "assistants", beta(a::create));
        router.add("GET", base, Scope.ASSISTANTS, "assistants", beta(a::list));
        router.add("GET", one, Scope.ASSISTANTS, "assistants", beta(a::retrieve));
        router.add("POST", one, Scope.ASSISTANTS, "assistants", beta(a::modify));
        router.add("DELETE", one, Scope.ASSISTANTS, "assistants", beta(a::delete));
        // before /v1/threads/{thread_id}, which would take "runs" for a thread id
        RunRoutes.register(router, new RunRoutes(assistants, threads, messages, runs));
        ThreadRoutes.register(router, new ThreadRoutes(threads, messages, runs));
    }

    /** The handler behind the beta-header check. */
    static Router.Handler beta(Router.Handler handler) {
        return call -> {
            call.requireAssistantsBeta();
            handler.handle(call);
        };
    }

    private void create(ApiCall call) {
        call.ok(AssistantJson.publicView(assistants.create(call.json())));
    }

    private void list(ApiCall call) {
        Function<ObjectNode, String> id = a -> a.path("id").asText();
        call.ok(AssistantLists.page(call, assistants.all(), id, AssistantJson::publicView));
    }

    private void retrieve(ApiCall call) {
        call.ok(AssistantJson.publicView(assistants.require(call.path("assistant_id"))));
    }

    private void modify(ApiCall call) {
        call.ok(AssistantJson.publicView(assistants.modify(call.path("assistant_id"), call.json())));
    }

    private void delete(ApiCall call) {
        String id = call.path("assistant_id");
        if (!assistants.delete(id)) {
            throw AssistantJson.notFound("assistant", "assistant_id", id);
        }
        call.ok(deleted(id, "assistant.deleted"));
    }

    /** {@code {id, object, deleted:true}}. */
    static ObjectNode deleted(String id, String object) {
        return AssistantJson.object().put("id", id).put("object", object).put("deleted", true);
    }
}
