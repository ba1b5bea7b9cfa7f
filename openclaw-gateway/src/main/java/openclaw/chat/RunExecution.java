package openclaw.chat;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import openclaw.agent.AgentEvent;
import openclaw.agent.AgentSpec;
import openclaw.agent.TurnControl;
import openclaw.agent.TurnRequest;
import openclaw.agent.TurnResult;

/** One run, executed on its own thread while holding its session's lock. */
final class RunExecution {

    private final ChatRuns.Services services;
    private final RunRequest request;
    private final TurnControl control;
    private final Consumer<RunEvent> listener;
    private final StringBuilder text = new StringBuilder();

    RunExecution(ChatRuns.Services services, RunRequest request, TurnControl control, Consumer<RunEvent> listener) {
        this.services = services;
        this.request = request;
        this.control = control;
        this.listener = listener;
    }

    RunOutcome call() {
        Clock clock = services.clock();
        if (control.isCancelled()) {
            return aborted(request, "", clock.millis());
        }
        listener.accept(new RunEvent.Started(request.runId(), request.sessionKey(), clock.millis()));
        Optional<AgentSpec> agent = Optional.ofNullable(services.agents().get().get(request.agentId()));
        if (agent.isEmpty()) {
            return failed(
                    request,
                    "",
                    "no agent '" + request.agentId() + "'; configured agents: "
                            + String.join(", ", services.agents().get().keySet()),
                    clock);
        }
        services.sessions().open(request.sessionKey(), request.agentId());
        Optional<String> reply =
                services.sessions().command(request.sessionKey(), request.agentId(), request.message());
        if (reply.isPresent()) {
            listener.accept(new RunEvent.Text(reply.get(), reply.get()));
            return new RunOutcome(
                    request.runId(),
                    request.sessionKey(),
                    RunOutcome.Status.OK,
                    reply.get(),
                    Optional.empty(),
                    Optional.empty(),
                    0,
                    0,
                    "command",
                    true,
                    clock.millis());
        }
        AgentSpec spec = agent.get();
        TurnRequest turn = new TurnRequest(
                spec,
                request.sessionKey(),
                request.input(),
                request.thinking().orElse(spec.thinking()),
                request.options());
        TurnResult result = services.runner().get().run(turn, control, this::onAgentEvent);
        return switch (result.outcome()) {
            case COMPLETED ->
                new RunOutcome(
                        request.runId(),
                        request.sessionKey(),
                        RunOutcome.Status.OK,
                        result.text(),
                        Optional.empty(),
                        Optional.empty(),
                        result.inputTokens(),
                        result.outputTokens(),
                        result.stopReason().name().toLowerCase(Locale.ROOT),
                        false,
                        clock.millis());
            case TOOL_CALLS ->
                new RunOutcome(
                        request.runId(),
                        request.sessionKey(),
                        RunOutcome.Status.TOOL_CALLS,
                        result.text(),
                        Optional.empty(),
                        Optional.empty(),
                        result.inputTokens(),
                        result.outputTokens(),
                        "tool_use",
                        false,
                        clock.millis(),
                        result.toolCalls());
            case REJECTED ->
                new RunOutcome(
                        request.runId(),
                        request.sessionKey(),
                        RunOutcome.Status.REJECTED,
                        "",
                        Optional.of(result.error()),
                        Optional.of("invalid_request"),
                        0,
                        0,
                        "rejected",
                        false,
                        clock.millis());
            case CANCELLED -> aborted(request, text.toString(), clock.millis());
            case FAILED ->
                new RunOutcome(
                        request.runId(),
                        request.sessionKey(),
                        RunOutcome.Status.ERROR,
                        text.toString(),
                        Optional.of(result.error()),
                        Optional.of(errorKind(result.error())),
                        result.inputTokens(),
                        result.outputTokens(),
                        result.stopReason().name().toLowerCase(Locale.ROOT),
                        false,
                        clock.millis());
        };
    }

    private void onAgentEvent(AgentEvent event) {
        switch (event) {
            case AgentEvent.Text t -> {
                text.append(t.delta());
                listener.accept(new RunEvent.Text(t.delta(), text.toString()));
            }
            case AgentEvent.ToolStarted s ->
                listener.accept(new RunEvent.ToolStarted(s.callId(), s.tool(), s.argumentsJson()));
            case AgentEvent.ToolFinished f ->
                listener.accept(new RunEvent.ToolFinished(f.callId(), f.tool(), f.result(), f.isError()));
            case AgentEvent.Retrying r -> text.setLength(0); // the attempt's partial text is void
            case AgentEvent.Thinking th -> {}
            case AgentEvent.ClientToolCall c ->
                listener.accept(new RunEvent.ToolRequested(c.callId(), c.tool(), c.argumentsJson()));
            case AgentEvent.Failover f -> text.setLength(0);
        }
    }

    /** OpenClaw's error kinds, read off the failure message. */
    static String errorKind(String error) {
        String e = error.toLowerCase(Locale.ROOT);
        if (e.contains("rate limit") || e.contains("429")) {
            return "rate_limit";
        }
        if (e.contains("timeout") || e.contains("timed out")) {
            return "timeout";
        }
        if (e.contains("context length") || e.contains("context_length") || e.contains("too long")) {
            return "context_length";
        }
        if (e.contains("refus")) {
            return "refusal";
        }
        return "unknown";
    }

    static RunOutcome aborted(RunRequest request, String partial, long now) {
        return new RunOutcome(
                request.runId(),
                request.sessionKey(),
                RunOutcome.Status.ABORTED,
                partial,
                Optional.empty(),
                Optional.empty(),
                0,
                0,
                "aborted",
                false,
                now);
    }

    static RunOutcome failed(RunRequest request, String partial, String error, Clock clock) {
        return new RunOutcome(
                request.runId(),
                request.sessionKey(),
                RunOutcome.Status.ERROR,
                partial,
                Optional.of(error),
                Optional.of(errorKind(error)),
                0,
                0,
                "error",
                false,
                clock.millis());
    }
}
