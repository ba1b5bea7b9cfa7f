package openclaw.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import openclaw.chat.RunEvent;
import openclaw.chat.RunOutcome;
import openclaw.sdk.provider.StreamEvent;

/**
 * Follows one turn of a run ({@link openclaw.chat.ChatRuns} events, on the turn's thread) and turns it into run,
 * step and message changes and their stream events: answer text becomes a message-creation step with a message,
 * tool calls a tool-call step; the turn's outcome ends the run as {@code completed}, {@code requires_action} (client
 * function calls wait for outputs), {@code failed} or {@code cancelled}. When the turn ends, the answers it wrote to
 * the transcript become the thread's messages under the ids the stream announced.
 */
final class RunProgress implements Consumer<RunEvent> {

    /** How long a run waiting for tool outputs stays open. */
    static final long WAIT_SECONDS = 600;

    private final RunState state;
    private final ObjectNode thread;
    private final ThreadMessages messages;
    private final Runnable ended;

    /**
     * @param ended called once the turn ended (the run is no longer executing here)
     */
    RunProgress(RunState state, ObjectNode thread, ThreadMessages messages, Runnable ended) {
        this.state = state;
        this.thread = thread;
        this.messages = messages;
        this.ended = ended;
    }

    @Override
    public void accept(RunEvent event) {
        state.locked(() -> {
            switch (event) {
                case RunEvent.Started s -> started();
                case RunEvent.Text t -> {
                    if (!t.delta().isEmpty()) {
                        state.delta(t.delta());
                    }
                }
                case RunEvent.ToolStarted s -> state.toolCall(s.callId(), s.tool(), s.argumentsJson());
                case RunEvent.ToolFinished f -> state.toolOutput(f.callId(), f.result());
                case RunEvent.ToolRequested r -> state.toolCall(r.callId(), r.tool(), r.argumentsJson());
                case RunEvent.Finished f -> {
                    try {
                        finish(f.outcome());
                    } finally {
                        ended.run();
                    }
                }
            }
        });
    }

    private void started() {
        ObjectNode run = state.run();
        if (!RunStore.status(run).equals("queued")) {
            return; // cancelling: stays so until the turn stops
        }
        if (run.path("started_at").isNull()) {
            run.put("started_at", state.now());
        }
        state.status("in_progress");
    }

    private void finish(RunOutcome outcome) {
        ObjectNode run = state.run();
        addUsage(run, outcome);
        switch (outcome.status()) {
            case OK -> {
                state.closeMessage();
                state.closeToolStep("completed");
                index();
                run.put("completed_at", state.now());
                state.status("completed");
            }
            case TOOL_CALLS -> {
                state.closeMessage();
                index();
                run.set("required_action", requiredAction(outcome.toolCalls()));
                run.put("expires_at", state.now() + WAIT_SECONDS);
                state.status("requires_action");
            }
            case ERROR ->
                fail(
                        outcome.errorKind().orElse("").equals("rate_limit") ? "rate_limit_exceeded" : "server_error",
                        outcome.error().orElse("The run failed."));
            case REJECTED -> fail("invalid_prompt", outcome.error().orElse("The thread cannot be run."));
            case ABORTED -> {
                if (RunStore.status(run).equals("cancelling")) {
                    state.abandon("cancelled");
                    index();
                    run.put("cancelled_at", state.now());
                    state.status("cancelled");
                } else {
                    fail("server_error", "The gateway stopped the run before it finished (it is shutting down).");
                }
            }
        }
    }

    private void fail(String code, String message) {
        ObjectNode run = state.run();
        run.putObject("last_error").put("code", code).put("message", message);
        state.abandon("failed");
        index();
        run.put("failed_at", state.now());
        state.status("failed");
    }

    /** The turn's answers become thread messages with the ids the stream used. */
    private void index() {
        ObjectNode run = state.run();
        List<String> ids = new ArrayList<>();
        run.path("_messages").forEach(id -> ids.add(id.asText()));
        messages.indexRun(
                thread,
                run.path("_from_seq").asLong(),
                ids,
                RunStore.id(run),
                run.path("assistant_id").asText());
    }

    private static void addUsage(ObjectNode run, RunOutcome outcome) {
        long prompt = run.path("usage").path("prompt_tokens").asLong(0) + outcome.inputTokens();
        long completion = run.path("usage").path("completion_tokens").asLong(0) + outcome.outputTokens();
        run.putObject("usage")
                .put("prompt_tokens", prompt)
                .put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
    }

    static ObjectNode requiredAction(List<StreamEvent.ToolCall> calls) {
        ObjectNode action = AssistantJson.object().put("type", "submit_tool_outputs");
        ArrayNode list = action.putObject("submit_tool_outputs").putArray("tool_calls");
        for (StreamEvent.ToolCall c : calls) {
            ObjectNode call = list.addObject().put("id", c.callId()).put("type", "function");
            call.putObject("function").put("name", c.toolName()).put("arguments", c.argumentsJson());
        }
        return action;
    }
}
