package openclaw.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import openclaw.agent.TurnInput;
import openclaw.chat.RunRequest;
import openclaw.sdk.OpenClawException;
import openclaw.sdk.provider.ChatMessage;
import openclaw.session.SessionView;
import openclaw.store.SessionRecord;

/**
 * Runs: creation, tool-output submission, cancellation, retrieval and expiry. Each turn of a run (the first, and one
 * per submission of tool outputs) executes in the background through {@link openclaw.chat.ChatRuns} on the thread's
 * session, answering the conversation's pending user message ({@link TurnInput.Pending}) or the submitted outputs
 * ({@link TurnInput.ToolResults}); the request returns at once, or streams the run's events. A thread has at most one
 * active run. Runs waiting for tool outputs expire {@value RunProgress#WAIT_SECONDS} s after they started waiting; a
 * stored run left unfinished by a stopped gateway expires at its {@code expires_at}. Expiry is applied when a run is
 * read. Thread-safe: state changes hold the thread's lock, then the run's.
 */
final class RunEngine {

    /** A run that started or continued, with its event feed when streamed. */
    record Started(ObjectNode run, Optional<RunState.Feed> feed) {}

    private final ApiContext context;
    private final ThreadStore threads;
    private final ThreadMessages messages;
    private final RunStore store;
    /** Runs whose turn executes in this process, by run id. */
    private final Map<String, RunState> live = new ConcurrentHashMap<>();

    RunEngine(ThreadStore threads, ThreadMessages messages) {
        this.context = threads.context();
        this.threads = threads;
        this.messages = messages;
        this.store = new RunStore(context);
    }

    /** Adds {@code options.messages()} and starts a run on the thread. */
    Started create(ObjectNode thread, RunOptions options, boolean stream) {
        String threadId = ThreadStore.id(thread);
        return threads.locked(threadId, () -> {
            requireIdle(thread);
            boolean answerable = options.messages().isEmpty()
                    ? messages.awaitsAnswer(thread)
                    : options.messages().getLast().role().equals("user");
            if (!answerable) {
                throw ApiError.invalidCode(
                        "no_user_message",
                        "Thread " + threadId + " has no user message to answer; add one (POST /v1/threads/" + threadId
                                + "/messages or additional_messages) before creating a run.");
            }
            options.messages().forEach(m -> messages.add(thread, m));
            RunState state = new RunState(
                    options.newRun(threadId, ThreadStore.sessionKey(thread), context.clock()), store, context.clock());
            Optional<RunState.Feed> feed = stream ? Optional.of(state.subscribe()) : Optional.empty();
            state.locked(() -> {
                state.persist();
                state.emit("thread.run.created", AssistantJson.publicView(state.run()));
                state.status("queued");
            });
            start(state, thread, new TurnInput.Pending());
            return new Started(state.snapshot(), feed);
        });
    }

    /** Submits every output a {@code requires_action} run waits for and continues it. */
    Started submit(ObjectNode thread, String runId, Map<String, String> outputs, boolean stream) {
        return threads.locked(ThreadStore.id(thread), () -> {
            ObjectNode run = load(thread, runId);
            if (!RunStore.status(run).equals("requires_action")) {
                throw ApiError.wrongState(
                        "run_id",
                        "Runs in status \"" + RunStore.status(run)
                                + "\" do not accept tool outputs; only runs in status \"requires_action\" do.");
            }
            JsonNode calls =
                    run.path("required_action").path("submit_tool_outputs").path("tool_calls");
            List<String> expected = new ArrayList<>();
            calls.forEach(c -> expected.add(c.path("id").asText()));
            if (!outputs.keySet().equals(new HashSet<>(expected))) {
                throw ApiError.invalid(
                        "tool_outputs",
                        "Expected tool outputs for call_ids " + expected + ", got " + List.copyOf(outputs.keySet())
                                + ". Submit every output in one request.");
            }
            List<ChatMessage.ToolResult> results = new ArrayList<>();
            calls.forEach(c -> results.add(new ChatMessage.ToolResult(
                    c.path("id").asText(),
                    c.path("function").path("name").asText(),
                    outputs.get(c.path("id").asText()),
                    false)));
            RunState state = new RunState(run, store, context.clock());
            Optional<RunState.Feed> feed = stream ? Optional.of(state.subscribe()) : Optional.empty();
            state.locked(() -> {
                outputs.forEach((id, output) -> state.toolOutput(id, output, false));
                state.closeToolStep("completed");
                state.run().putNull("required_action");
                state.status("queued");
            });
            start(state, thread, new TurnInput.ToolResults(results));
            return new Started(state.snapshot(), feed);
        });
    }

    /** Cancels a run: a running turn is aborted ({@code cancelling}, then {@code cancelled}). */
    ObjectNode cancel(ObjectNode thread, String runId) {
        return threads.locked(ThreadStore.id(thread), () -> {
            ObjectNode run = load(thread, runId);
            RunState state = live(thread, runId).orElseGet(() -> new RunState(run, store, context.clock()));
            return state.locked(() -> {
                // decided under the run's lock: a turn that just ended has left the live map by now
                boolean running = live.get(runId) == state;
                ObjectNode r = state.run();
                String status = RunStore.status(r);
                if (!RunStore.active(r)) {
                    throw ApiError.wrongState("run_id", "Cannot cancel run with status '" + status + "'.");
                }
                if (running && !status.equals("cancelling")) {
                    state.status("cancelling");
                    context.runs()
                            .abort(
                                    ThreadStore.sessionKey(thread),
                                    Optional.of(r.path("_segment").asText()));
                } else if (!running) {
                    end(thread, state, "cancelled", "The run was cancelled before its tool outputs were submitted.");
                }
                return AssistantJson.publicView(r);
            });
        });
    }

    /** The run's public object. */
    ObjectNode retrieve(ObjectNode thread, String runId) {
        ObjectNode run = load(thread, runId);
        return live(thread, runId).map(RunState::snapshot).orElseGet(() -> AssistantJson.publicView(run));
    }

    /** The stored run (live state when it executes here), after applying expiry. */
    ObjectNode load(ObjectNode thread, String runId) {
        Optional<RunState> running = live(thread, runId);
        if (running.isPresent()) {
            return running.get().locked(() -> running.get().run().deepCopy());
        }
        ObjectNode run = store.find(ThreadStore.id(thread), runId)
                .orElseThrow(() -> AssistantJson.notFound("run", "run_id", runId));
        return expireIfDue(thread, run);
    }

    /** The thread's runs, oldest first, public objects. */
    List<ObjectNode> list(ObjectNode thread) {
        return store.list(ThreadStore.id(thread)).stream()
                .map(r -> live(thread, RunStore.id(r))
                        .map(RunState::snapshot)
                        .orElseGet(() -> AssistantJson.publicView(expireIfDue(thread, r))))
                .toList();
    }

    /** Replaces the run's metadata. */
    ObjectNode modify(ObjectNode thread, String runId, ObjectNode metadata) {
        return threads.locked(ThreadStore.id(thread), () -> {
            RunState state =
                    live(thread, runId).orElseGet(() -> new RunState(load(thread, runId), store, context.clock()));
            return state.locked(() -> {
                state.run().set("metadata", metadata);
                state.persist();
                return AssistantJson.publicView(state.run());
            });
        });
    }

    /** The run's state when its turn executes here (and it belongs to {@code thread}). */
    private Optional<RunState> live(ObjectNode thread, String runId) {
        return Optional.ofNullable(live.get(runId))
                .filter(s -> s.locked(() -> s.run().path("thread_id").asText()).equals(ThreadStore.id(thread)));
    }

    /** 400 when the thread has an active run (messages and runs wait until it ends). */
    void requireIdle(ObjectNode thread) {
        for (ObjectNode r : list(thread)) {
            if (RunStore.active(r)) {
                throw ApiError.invalidCode(
                        "thread_locked",
                        "Thread " + ThreadStore.id(thread) + " already has an active run " + RunStore.id(r)
                                + " (status " + RunStore.status(r) + "); wait for it to end or cancel it.");
            }
        }
    }

    /** Aborts the thread's executing runs and waits briefly for them, before the thread is deleted. */
    void stopAll(ObjectNode thread) {
        for (RunState state : List.copyOf(live.values())) {
            ObjectNode r = state.locked(() -> state.run().deepCopy());
            if (r.path("thread_id").asText().equals(ThreadStore.id(thread))) {
                String segment = r.path("_segment").asText();
                context.runs().abort(ThreadStore.sessionKey(thread), Optional.of(segment));
                if (context.runs().known(segment)) {
                    context.runs().await(segment, Duration.ofSeconds(5));
                }
            }
        }
    }

    private ObjectNode expireIfDue(ObjectNode thread, ObjectNode run) {
        if (!RunStore.active(run)
                || context.clock().millis() / 1000 < run.path("expires_at").asLong()) {
            return run;
        }
        RunState state = new RunState(run, store, context.clock());
        state.locked(() -> end(thread, state, "expired", "The run expired before its tool outputs were submitted."));
        return run;
    }

    /** Ends a run that is not executing here (waiting for outputs, or left by a stopped gateway). */
    private void end(ObjectNode thread, RunState state, String status, String toolResult) {
        ObjectNode r = state.run();
        messages.closeToolCalls(
                thread, r.path("required_action").path("submit_tool_outputs").path("tool_calls"), toolResult);
        r.putNull("required_action");
        state.abandon(status);
        if (status.equals("cancelled")) {
            r.put("cancelled_at", state.now());
        }
        state.status(status);
    }

    /** Starts the run's next turn in the background. */
    private void start(RunState state, ObjectNode thread, TurnInput input) {
        String key = ThreadStore.sessionKey(thread);
        String runId = state.locked(() -> RunStore.id(state.run()));
        String agentId = state.locked(() -> state.run().path("_agent").asText());
        keepConversation(key, agentId);
        long fromSeq = context.store()
                .sessions()
                .find(key)
                .map(SessionRecord::entryCount)
                .orElse(0L);
        RunRequest request = state.locked(() -> {
            ObjectNode r = state.run();
            int turn = r.path("_turns").asInt() + 1;
            r.put("_turns", turn);
            state.newSegment(runId + "-" + turn, fromSeq);
            state.persist();
            return new RunRequest(runId + "-" + turn, agentId, key, input, Optional.empty(), RunOptions.turnOptions(r));
        });
        live.put(runId, state);
        RunProgress progress = new RunProgress(state, thread, messages, () -> live.remove(runId, state));
        try {
            context.runs().start(request, progress);
        } catch (OpenClawException e) {
            live.remove(runId, state);
            state.locked(() -> {
                state.run().putObject("last_error").put("code", "server_error").put("message", e.getMessage());
                state.run().put("failed_at", state.now());
                state.status("failed");
            });
            throw ApiError.unavailable(e.getMessage());
        }
    }

    /**
     * A thread is a conversation the client keeps until it deletes it: an expired session would start the next turn
     * on an empty conversation, so the session's lifetime is renewed before each turn.
     */
    private void keepConversation(String key, String agentId) {
        Optional<SessionView> view = context.sessions().find(key);
        if (view.isEmpty()) {
            context.store().sessions().getOrCreate(key, agentId);
        } else if (view.get().expired()) {
            context.sessions().extend(key);
        }
    }
}
