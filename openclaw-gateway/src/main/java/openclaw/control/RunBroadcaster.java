package openclaw.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import openclaw.chat.RunEvent;
import openclaw.chat.RunOutcome;

/**
 * Turns one run's events into the protocol's events for the sockets watching its session: {@code chat} events with
 * the cumulative text in {@code message} and, as protocol v4 requires, the new text in {@code deltaText}
 * ({@code delta} at most every {@value #DELTA_INTERVAL_MS} ms, the latest text flushed before the {@code final},
 * {@code aborted} or {@code error}), and {@code agent} events ({@code lifecycle}, {@code assistant},
 * and {@code tool} for sockets with the {@code tool-events} capability). Also tells an optional listener about the
 * end of the run.
 */
final class RunBroadcaster implements Consumer<RunEvent> {

    /** OpenClaw throttles chat deltas to one per 150 ms. */
    static final long DELTA_INTERVAL_MS = 150;

    private final ControlPlane plane;
    private final String runId;
    private final String sessionKey;
    private final String agentId;
    private final Consumer<RunOutcome> onFinished;
    private final AtomicLong chatSeq = new AtomicLong();
    private final AtomicLong agentSeq = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private long lastDeltaAt;
    private String pending = "";
    private String lastSent = "";
    private boolean flushScheduled;
    private boolean finished;

    RunBroadcaster(
            ControlPlane plane, String runId, String sessionKey, String agentId, Consumer<RunOutcome> onFinished) {
        this.plane = plane;
        this.runId = runId;
        this.sessionKey = sessionKey;
        this.agentId = agentId;
        this.onFinished = onFinished;
    }

    @Override
    public void accept(RunEvent event) {
        long now = plane.clock().millis();
        switch (event) {
            case RunEvent.Started s -> {
                agent("lifecycle", Frames.object().put("phase", "start"), false);
                sessionChanged("start", now);
            }
            case RunEvent.Text t -> text(t.text(), now);
            case RunEvent.ToolStarted s -> {
                flush();
                ObjectNode data = Frames.object()
                        .put("phase", "start")
                        .put("name", s.tool())
                        .put("toolCallId", s.callId());
                data.set("args", parseOrText(s.argumentsJson()));
                agent("tool", data, true);
            }
            case RunEvent.ToolFinished f ->
                agent(
                        "tool",
                        Frames.object()
                                .put("phase", "result")
                                .put("name", f.tool())
                                .put("toolCallId", f.callId())
                                .put("result", f.result())
                                .put("isError", f.isError()),
                        true);
            case RunEvent.ToolRequested r -> {} // the control plane passes no client tools
            case RunEvent.Finished f -> finish(f.outcome());
        }
    }

    private void text(String cumulative, long now) {
        lock.lock();
        try {
            pending = cumulative;
            if (now - lastDeltaAt >= DELTA_INTERVAL_MS) {
                lastDeltaAt = now;
                sendDelta(cumulative, now);
                pending = "";
            } else if (!flushScheduled) {
                flushScheduled = true;
                plane.schedule(this::flush, java.time.Duration.ofMillis(DELTA_INTERVAL_MS - (now - lastDeltaAt)));
            }
        } finally {
            lock.unlock();
        }
    }

    private void flush() {
        lock.lock();
        try {
            flushScheduled = false;
            if (!pending.isEmpty() && !finished) {
                lastDeltaAt = plane.clock().millis();
                sendDelta(pending, lastDeltaAt);
                pending = "";
            }
        } finally {
            lock.unlock();
        }
    }

    /** Called with the lock held. */
    private void sendDelta(String cumulative, long now) {
        boolean appended = cumulative.startsWith(lastSent);
        String delta = appended ? cumulative.substring(lastSent.length()) : cumulative;
        lastSent = cumulative;
        ObjectNode chat = chatEvent("delta").put("deltaText", delta);
        if (!appended) {
            chat.put("replace", true);
        }
        chat.set("message", message(cumulative, now));
        plane.toWatchers(sessionKey, "chat", chat, false);
        agent("assistant", Frames.object().put("text", cumulative).put("delta", delta), false);
    }

    private void finish(RunOutcome outcome) {
        lock.lock();
        try {
            finished = true;
        } finally {
            lock.unlock();
        }
        String state =
                switch (outcome.status()) {
                    case OK, TOOL_CALLS -> "final";
                    case ABORTED -> "aborted";
                    case ERROR, REJECTED -> "error";
                };
        ObjectNode chat = chatEvent(state);
        if (!outcome.text().isEmpty()) {
            chat.set("message", message(outcome.text(), outcome.endedAtMs()));
        }
        outcome.error().ifPresent(e -> chat.put("errorMessage", e));
        outcome.errorKind().ifPresent(k -> chat.put("errorKind", k));
        if (outcome.status() == RunOutcome.Status.OK) {
            chat.put("stopReason", outcome.stopReason());
            chat.putObject("usage").put("input", outcome.inputTokens()).put("output", outcome.outputTokens());
        }
        plane.toWatchers(sessionKey, "chat", chat, false);
        ObjectNode lifecycle =
                Frames.object().put("phase", outcome.status() == RunOutcome.Status.ERROR ? "error" : "end");
        outcome.error().ifPresent(e -> lifecycle.put("error", e));
        agent("lifecycle", lifecycle, false);
        sessionChanged(lifecycle.path("phase").asText(), plane.clock().millis());
        onFinished.accept(outcome);
    }

    private void sessionChanged(String phase, long ts) {
        plane.sessionsChanged(Frames.object()
                .put("sessionKey", sessionKey)
                .put("agentId", agentId)
                .put("phase", phase)
                .put("runId", runId)
                .put("ts", ts));
    }

    private ObjectNode chatEvent(String state) {
        return Frames.object()
                .put("runId", runId)
                .put("sessionKey", sessionKey)
                .put("agentId", agentId)
                .put("seq", chatSeq.incrementAndGet())
                .put("state", state);
    }

    private void agent(String stream, ObjectNode data, boolean toolEvent) {
        ObjectNode payload = Frames.object()
                .put("runId", runId)
                .put("sessionKey", sessionKey)
                .put("agentId", agentId)
                .put("seq", agentSeq.incrementAndGet())
                .put("stream", stream)
                .put("ts", plane.clock().millis());
        payload.set("data", data);
        plane.toWatchers(sessionKey, "agent", payload, toolEvent);
    }

    static ObjectNode message(String text, long ts) {
        ObjectNode message = Frames.object().put("role", "assistant");
        message.putArray("content").addObject().put("type", "text").put("text", text);
        message.put("timestamp", ts);
        return message;
    }

    private static com.fasterxml.jackson.databind.JsonNode parseOrText(String json) {
        try {
            return Frames.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(json);
        }
    }
}
