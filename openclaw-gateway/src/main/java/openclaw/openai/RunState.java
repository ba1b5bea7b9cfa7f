package openclaw.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One run while its turn executes: the stored run object with its steps, the message and tool-call step the model is
 * producing now, and the subscribers of its stream. Every change and the event announcing it happen under one lock
 * ({@link #locked}), so a stream sees events in the order of the changes and a retrieve sees a consistent object.
 * Created by {@link RunEngine} for each turn of a run (creation, and each submission of tool outputs).
 */
final class RunState {

    /** One stream event: {@code event: name}, {@code data: json}. */
    record Event(String name, JsonNode data) {}

    /** A subscription to a run's events. */
    static final class Feed {
        private final LinkedBlockingQueue<Event> queue = new LinkedBlockingQueue<>();
        private final Runnable cancel;

        private Feed(List<LinkedBlockingQueue<Event>> subscribers) {
            subscribers.add(queue);
            this.cancel = () -> subscribers.remove(queue);
        }

        /** The next event, or empty when none came within {@code wait}. */
        Optional<Event> next(Duration wait) {
            try {
                return Optional.ofNullable(queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }

        void close() {
            cancel.run();
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final ObjectNode run;
    private final RunStore store;
    private final Clock clock;
    private final List<LinkedBlockingQueue<Event>> subscribers = new CopyOnWriteArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private Optional<ObjectNode> message = Optional.empty();
    private Optional<ObjectNode> messageStep = Optional.empty();
    private Optional<ObjectNode> toolStep;

    /** State over a stored run; a tool-call step still in progress (waiting for outputs) is picked up again. */
    RunState(ObjectNode run, RunStore store, Clock clock) {
        this.run = run;
        this.store = store;
        this.clock = clock;
        this.toolStep = steps().valueStream()
                .filter(s -> s.path("type").asText().equals("tool_calls")
                        && s.path("status").asText().equals("in_progress"))
                .map(s -> (ObjectNode) s)
                .reduce((a, b) -> b);
    }

    <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    void locked(Runnable work) {
        locked(() -> {
            work.run();
            return null;
        });
    }

    /** The stored form (caller holds the lock). */
    ObjectNode run() {
        return run;
    }

    /** A copy of the public run object. */
    ObjectNode snapshot() {
        return locked(() -> AssistantJson.publicView(run));
    }

    Feed subscribe() {
        return new Feed(subscribers);
    }

    long now() {
        return AssistantJson.seconds(clock);
    }

    void persist() {
        store.save(run);
    }

    void emit(String name, JsonNode data) {
        Event e = new Event(name, data.deepCopy());
        subscribers.forEach(q -> q.add(e));
    }

    /** Sets the status, saves, and emits {@code thread.run.<status>}. */
    void status(String status) {
        run.put("status", status);
        persist();
        emit("thread.run." + status, AssistantJson.publicView(run));
    }

    ArrayNode steps() {
        return (ArrayNode) run.path("_steps");
    }

    /** Starts an assistant message (and its message-creation step) unless one is open. */
    void openMessage() {
        if (message.isPresent()) {
            return;
        }
        closeToolStep("completed");
        String messageId = AssistantJson.newId("msg_", clock);
        ObjectNode details = AssistantJson.object().put("type", "message_creation");
        details.putObject("message_creation").put("message_id", messageId);
        messageStep = Optional.of(newStep("message_creation", details));
        ObjectNode m = AssistantJson.object()
                .put("id", messageId)
                .put("object", "thread.message")
                .put("created_at", now())
                .put("thread_id", run.path("thread_id").asText())
                .put("status", "in_progress")
                .putNull("incomplete_details")
                .putNull("completed_at")
                .putNull("incomplete_at")
                .put("role", "assistant");
        m.putArray("content");
        m.put("assistant_id", run.path("assistant_id").asText()).put("run_id", RunStore.id(run));
        m.putArray("attachments");
        m.putObject("metadata");
        message = Optional.of(m);
        text.setLength(0);
        ((ArrayNode) run.path("_messages")).add(messageId);
        emit("thread.message.created", m);
        emit("thread.message.in_progress", m);
    }

    /** Adds answer text to the open message. */
    void delta(String delta) {
        openMessage();
        text.append(delta);
        ObjectNode d = AssistantJson.object()
                .put("id", message.orElseThrow().path("id").asText())
                .put("object", "thread.message.delta");
        ObjectNode part = d.putObject("delta").putArray("content").addObject();
        part.put("index", 0).put("type", "text");
        part.putObject("text").put("value", delta).putArray("annotations");
        emit("thread.message.delta", d);
    }

    /** Ends the open message and its step as completed. */
    void closeMessage() {
        closeMessage("completed", "completed");
    }

    /** Ends the open message ({@code completed} or {@code incomplete}) and its step (with {@code stepStatus}). */
    private void closeMessage(String status, String stepStatus) {
        if (message.isEmpty()) {
            return;
        }
        ObjectNode m = message.get();
        m.put("status", status).put(status.equals("completed") ? "completed_at" : "incomplete_at", now());
        m.putArray("content").add(ThreadMessageInput.textPart(text.toString()));
        emit("thread.message." + status, m);
        message = Optional.empty();
        endStep(messageStep.orElseThrow(), stepStatus);
        messageStep = Optional.empty();
    }

    /** Adds a function call to the open tool-call step (opening one). */
    void toolCall(String callId, String name, String arguments) {
        closeMessage();
        if (toolStep.isEmpty()) {
            ObjectNode details = AssistantJson.object().put("type", "tool_calls");
            details.putArray("tool_calls");
            toolStep = Optional.of(newStep("tool_calls", details));
        }
        ArrayNode calls = (ArrayNode) toolStep.get().path("step_details").path("tool_calls");
        ObjectNode call = calls.addObject().put("id", callId).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", arguments).putNull("output");
        emitStepDelta(calls.size() - 1, call.deepCopy());
    }

    /** Records the output of a gateway tool's call in the open tool-call step, announcing it. */
    void toolOutput(String callId, String output) {
        toolOutput(callId, output, true);
    }

    /**
     * Records the output of a call in the open tool-call step; submitted outputs are not announced as a delta, as
     * the step was created in an earlier stream (the SDKs reject deltas of steps they have not seen created).
     */
    void toolOutput(String callId, String output, boolean announce) {
        toolStep.ifPresent(step -> {
            ArrayNode calls = (ArrayNode) step.path("step_details").path("tool_calls");
            for (int i = 0; i < calls.size(); i++) {
                if (calls.get(i).path("id").asText().equals(callId)) {
                    ((ObjectNode) calls.get(i).path("function")).put("output", output);
                    if (!announce) {
                        continue;
                    }
                    ObjectNode delta = AssistantJson.object().put("type", "function");
                    delta.putObject("function").put("output", output);
                    emitStepDelta(i, delta);
                }
            }
        });
    }

    /** Ends the open tool-call step with {@code status}. */
    void closeToolStep(String status) {
        toolStep.ifPresent(step -> endStep(step, status));
        toolStep = Optional.empty();
    }

    /** Ends whatever is open after a failure, cancellation or expiry. */
    void abandon(String stepStatus) {
        closeMessage("incomplete", stepStatus);
        closeToolStep(stepStatus);
    }

    /** Starts a new turn of the run: its answers count from here. */
    void newSegment(String segmentId, long fromSeq) {
        run.put("_segment", segmentId).put("_from_seq", fromSeq);
        run.putArray("_messages");
    }

    private ObjectNode newStep(String type, ObjectNode details) {
        ObjectNode step = AssistantJson.object()
                .put("id", AssistantJson.newId("step_", clock))
                .put("object", "thread.run.step")
                .put("created_at", now())
                .put("run_id", RunStore.id(run))
                .put("assistant_id", run.path("assistant_id").asText())
                .put("thread_id", run.path("thread_id").asText())
                .put("type", type)
                .put("status", "in_progress")
                .putNull("cancelled_at")
                .putNull("completed_at")
                .putNull("expired_at")
                .putNull("failed_at")
                .putNull("last_error");
        step.set("step_details", details);
        step.putNull("usage");
        step.putObject("metadata");
        steps().add(step);
        persist();
        emit("thread.run.step.created", step);
        emit("thread.run.step.in_progress", step);
        return step;
    }

    private void endStep(ObjectNode step, String status) {
        step.put("status", status).put(status + "_at", now());
        if (status.equals("failed")) {
            step.set("last_error", run.path("last_error"));
        }
        persist();
        emit("thread.run.step." + status, step);
    }

    private void emitStepDelta(int index, ObjectNode call) {
        ObjectNode d = AssistantJson.object()
                .put("id", toolStep.orElseThrow().path("id").asText())
                .put("object", "thread.run.step.delta");
        ObjectNode details = d.putObject("delta").putObject("step_details").put("type", "tool_calls");
        ArrayNode calls = details.putArray("tool_calls");
        ObjectNode c = call.deepCopy();
        calls.addObject().put("index", index).setAll(c);
        emit("thread.run.step.delta", d);
    }
}
