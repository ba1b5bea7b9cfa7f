package openclaw.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runs routes: create (also with a new thread, {@code POST /v1/threads/runs}), list, retrieve, modify, cancel,
 * submit tool outputs, and run steps. Creating or continuing a run answers at once with the run ({@code queued}),
 * or streams its events with {@code stream:true}. Run objects that are still going carry
 * {@code openai-poll-after-ms}, which the SDKs' poll helpers follow.
 */
final class RunRoutes {

    /** How soon a poll helper should ask again, in milliseconds. */
    static final String POLL_AFTER_MS = "100";

    private final AssistantStore assistants;
    private final ThreadStore threads;
    private final ThreadMessages messages;
    private final RunEngine runs;

    RunRoutes(AssistantStore assistants, ThreadStore threads, ThreadMessages messages, RunEngine runs) {
        this.assistants = assistants;
        this.threads = threads;
        this.messages = messages;
        this.runs = runs;
    }

    static void register(Router router, RunRoutes r) {
        String list = "/v1/threads/{thread_id}/runs";
        String one = list + "/{run_id}";
        router.add("POST", "/v1/threads/runs", Scope.ASSISTANTS, "runs", AssistantRoutes.beta(r::createWithThread));
        router.add("POST", list, Scope.ASSISTANTS, "runs", AssistantRoutes.beta(r::create));
        router.add("GET", list, Scope.ASSISTANTS, "runs", AssistantRoutes.beta(r::list));
        router.add("GET", one, Scope.ASSISTANTS, "runs", AssistantRoutes.beta(r::retrieve));
        router.add("POST", one, Scope.ASSISTANTS, "runs", AssistantRoutes.beta(r::modify));
        router.add("POST", one + "/cancel", Scope.ASSISTANTS, "runs", AssistantRoutes.beta(r::cancel));
        router.add("POST", one + "/submit_tool_outputs", Scope.ASSISTANTS, "runs", AssistantRoutes.beta(r::submit));
        router.add("GET", one + "/steps", Scope.ASSISTANTS, "runs", AssistantRoutes.beta(r::steps));
        router.add("GET", one + "/steps/{step_id}", Scope.ASSISTANTS, "runs", AssistantRoutes.beta(r::step));
    }

    private void create(ApiCall call) {
        ObjectNode thread = threads.require(call.path("thread_id"));
        JsonBody body = call.json();
        RunOptions options = RunOptions.parse(call, body, assistants);
        answer(call, runs.create(thread, options, body.bool("stream").orElse(false)), List.of());
    }

    /** {@code POST /v1/threads/runs}: a new thread with {@code thread.messages}, and a run on it. */
    private void createWithThread(ApiCall call) {
        JsonBody body = call.json();
        RunOptions options = RunOptions.parse(call, body, assistants);
        JsonBody spec = JsonBody.of(body.object("thread").orElseGet(AssistantJson::object));
        List<ThreadMessageInput> first = new ArrayList<>();
        spec.array("messages").ifPresent(a -> {
            for (int i = 0; i < a.size(); i++) {
                first.add(ThreadMessageInput.parse(a.get(i), "thread.messages[" + i + "]"));
            }
        });
        if (first.isEmpty() || !first.getLast().role().equals("user")) {
            throw ApiError.invalid(
                    "thread.messages",
                    "The new thread needs messages ending with a user message for the run to answer.");
        }
        boolean stream = body.bool("stream").orElse(false);
        ObjectNode thread = threads.create(AssistantJson.metadata(spec, "thread.metadata"), options.agentId());
        first.forEach(m -> messages.add(thread, m));
        RunEngine.Started started = runs.create(thread, options, stream);
        answer(call, started, List.of(new RunState.Event("thread.created", AssistantJson.publicView(thread))));
    }

    private void list(ApiCall call) {
        ObjectNode thread = threads.require(call.path("thread_id"));
        call.ok(AssistantLists.page(call, runs.list(thread), RunStore::id, r -> r));
    }

    private void retrieve(ApiCall call) {
        ObjectNode thread = threads.require(call.path("thread_id"));
        sendRun(call, runs.retrieve(thread, call.path("run_id")));
    }

    private void modify(ApiCall call) {
        ObjectNode thread = threads.require(call.path("thread_id"));
        JsonBody body = call.jsonOrEmpty();
        Optional<ObjectNode> metadata = AssistantJson.metadata(body, "metadata");
        String runId = call.path("run_id");
        sendRun(call, metadata.map(m -> runs.modify(thread, runId, m)).orElseGet(() -> runs.retrieve(thread, runId)));
    }

    private void cancel(ApiCall call) {
        ObjectNode thread = threads.require(call.path("thread_id"));
        sendRun(call, runs.cancel(thread, call.path("run_id")));
    }

    private void submit(ApiCall call) {
        ObjectNode thread = threads.require(call.path("thread_id"));
        JsonBody body = call.json();
        ArrayNode list = body.array("tool_outputs")
                .orElseThrow(() -> ApiError.invalid("tool_outputs", "Missing required parameter: 'tool_outputs'."));
        Map<String, String> outputs = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "tool_outputs[" + i + "]";
            JsonNode o = list.get(i);
            if (!o.isObject()) {
                throw JsonBody.wrongType(at, "an object", o);
            }
            JsonBody item = JsonBody.of((ObjectNode) o);
            String id = item.string("tool_call_id")
                    .orElseThrow(() -> ApiError.invalid(
                            at + ".tool_call_id", "Missing required parameter: '" + at + ".tool_call_id'."));
            if (outputs.put(id, item.string("output").orElse("")) != null) {
                throw ApiError.invalid(at + ".tool_call_id", "Duplicate output for tool call '" + id + "'.");
            }
        }
        boolean stream = body.bool("stream").orElse(false);
        answer(call, runs.submit(thread, call.path("run_id"), outputs, stream), List.of());
    }

    private void steps(ApiCall call) {
        ObjectNode thread = threads.require(call.path("thread_id"));
        List<ObjectNode> steps = new ArrayList<>();
        runs.load(thread, call.path("run_id")).path("_steps").forEach(s -> steps.add((ObjectNode) s));
        call.ok(AssistantLists.page(call, steps, s -> s.path("id").asText(), s -> s));
    }

    private void step(ApiCall call) {
        ObjectNode thread = threads.require(call.path("thread_id"));
        String stepId = call.path("step_id");
        Optional<JsonNode> step = runs.load(thread, call.path("run_id"))
                .path("_steps")
                .valueStream()
                .filter(s -> s.path("id").asText().equals(stepId))
                .findFirst();
        call.ok(step.orElseThrow(() -> AssistantJson.notFound("step", "step_id", stepId)));
    }

    /** The run object, or its stream after {@code first}. */
    private static void answer(ApiCall call, RunEngine.Started started, List<RunState.Event> first) {
        if (started.feed().isPresent()) {
            RunStream.send(call, first, started.feed().get());
        } else {
            sendRun(call, started.run());
        }
    }

    private static void sendRun(ApiCall call, ObjectNode run) {
        Map<String, String> headers = new LinkedHashMap<>(ApiResponses.JSON);
        if (RunStore.active(run) && !RunStore.status(run).equals("requires_action")) {
            headers.put("openai-poll-after-ms", POLL_AFTER_MS);
        }
        call.exchange().respond(200, headers, ApiResponses.bytes(run));
    }
}
