package openclaw.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import openclaw.sdk.OpenClawException;
import openclaw.sdk.provider.ChatMessage;
import openclaw.sdk.provider.ChatRequest;
import openclaw.sdk.provider.StopReason;
import openclaw.sdk.provider.StreamEvent;
import openclaw.sdk.provider.ToolSpec;
import openclaw.sdk.tool.Tool;
import openclaw.sdk.tool.ToolContext;
import openclaw.sdk.tool.ToolOutcome;
import openclaw.store.SessionRecord;
import openclaw.store.SessionStore;
import openclaw.store.TranscriptStore;
import openclaw.tool.ToolRegistry;

/**
 * The agent loop: system prompt and the session's current conversation → model (streamed to the caller) → tool calls
 * → results back to the model, until a final answer or the agent's step limit. Every message, tool call, result and
 * usage figure is appended to the session transcript as it happens. Each model call retries and fails over as
 * {@link ModelCalls} describes. Thread-safe: one instance serves concurrent turns, each on its caller's (virtual) thread.
 */
public final class AgentRunner {

    private static final Logger LOG = Logger.getLogger(AgentRunner.class.getName());

    /** Shared services of the loop. */
    public record Services(
            ProviderRegistry providers,
            ToolRegistry tools,
            SessionStore sessions,
            TranscriptStore transcripts,
            Clock clock,
            RetryPolicy retry) {}

    private final Services services;
    private final ModelCalls modelCalls;

    public AgentRunner(Services services) {
        this.services = services;
        this.modelCalls = new ModelCalls(services.providers(), services.retry());
    }

    /**
     * Runs one turn to its end; events stream to {@code listener} on this thread. Returns once everything the turn
     * wrote is durable.
     *
     * @throws openclaw.store.StoreException when the transcript cannot be written
     */
    public TurnResult run(TurnRequest turn, TurnControl control, Consumer<AgentEvent> listener) {
        List<TranscriptStore.PendingAppend> started = new ArrayList<>();
        TurnResult result = run(turn, control, listener, started);
        // normally committed already: the turn's later writes queued behind these
        started.forEach(TranscriptStore.PendingAppend::await);
        return result;
    }

    private TurnResult run(
            TurnRequest turn,
            TurnControl control,
            Consumer<AgentEvent> listener,
            List<TranscriptStore.PendingAppend> started) {
        AgentSpec agent = turn.agent();
        SessionRecord session = services.sessions().getOrCreate(turn.sessionKey(), agent.id());
        List<Tool> tools;
        try {
            tools = services.tools().resolve(agent.tools());
        } catch (OpenClawException e) {
            return fail(turn, agent.model(), 0, "agent " + agent.id() + ": " + e.getMessage());
        }
        List<ToolSpec> specs = new ArrayList<>(tools.stream().map(Tool::spec).toList());
        Optional<String> clash = TurnStart.addClientTools(specs, turn);
        if (clash.isPresent()) {
            return rejected(agent, clash.get());
        }
        Set<String> clientTools = new HashSet<>();
        turn.options().clientTools().forEach(t -> clientTools.add(t.name()));
        // Only the current conversation: entries before historyFrom belong to conversations that were reset or expired.
        List<ChatMessage> messages;
        switch (TurnStart.prepare(services.transcripts(), turn, session, started)) {
            case TurnStart.Prepared.Rejected r -> {
                return rejected(agent, r.reason());
            }
            case TurnStart.Prepared.Ready ready -> messages = ready.messages();
        }
        ChatRequest base = new ChatRequest(
                agent.model().name(),
                TurnStart.systemPrompt(turn),
                messages,
                specs,
                turn.thinking(),
                turn.options().maxOutputTokens().orElse(ChatRequest.DEFAULT_MAX_OUTPUT_TOKENS),
                turn.sessionKey());
        Failover chain = new Failover(agent.modelChain());
        long in = 0;
        long out = 0;
        for (int step = 1; step <= agent.maxSteps(); step++) {
            Optional<ModelStep.Result> result = modelCalls.call(chain, base.withMessages(messages), control, listener);
            if (control.isCancelled()) {
                return recorded(
                        turn,
                        new TurnResult(
                                "",
                                TurnResult.Outcome.CANCELLED,
                                StopReason.OTHER,
                                chain.current(),
                                step,
                                in,
                                out,
                                "cancelled"));
            }
            if (result.isEmpty()) {
                return fail(turn, chain.current(), step, chain.lastError());
            }
            ModelStep.Result r = result.get();
            in += r.usage().inputTokens();
            out += r.usage().outputTokens();
            services.transcripts()
                    .append(
                            turn.sessionKey(),
                            "assistant",
                            TranscriptCodec.assistant(
                                    r.message(),
                                    chain.current(),
                                    r.usage(),
                                    r.stopReason().name()));
            messages.add(r.message());
            if (r.message().toolCalls().isEmpty()) {
                return new TurnResult(
                        r.message().text(),
                        TurnResult.Outcome.COMPLETED,
                        r.stopReason(),
                        chain.current(),
                        step,
                        in,
                        out,
                        "");
            }
            List<StreamEvent.ToolCall> forClient =
                    runServerTools(r.message(), clientTools, tools, turn, listener, messages);
            if (!forClient.isEmpty()) {
                return new TurnResult(
                        r.message().text(),
                        TurnResult.Outcome.TOOL_CALLS,
                        r.stopReason(),
                        chain.current(),
                        step,
                        in,
                        out,
                        "",
                        forClient);
            }
        }
        return fail(
                turn,
                chain.current(),
                agent.maxSteps(),
                "the agent stopped after " + agent.maxSteps()
                        + " model calls without a final answer (raise maxSteps for agent " + agent.id() + ")");
    }

    /**
     * The client tool calls the session's current conversation is waiting on (empty when it is not waiting), so an
     * API can check submitted tool results before it starts a turn.
     */
    public List<StreamEvent.ToolCall> pendingToolCalls(String sessionKey) {
        return services.sessions()
                .find(sessionKey)
                .map(s -> TurnStart.pending(TurnStart.history(services.transcripts(), sessionKey, s)))
                .orElse(List.of());
    }

    /**
     * Runs the gateway's own tools among {@code answer}'s calls (results are stored and added to {@code messages}) and
     * returns the calls the client must run, announcing each.
     */
    private List<StreamEvent.ToolCall> runServerTools(
            ChatMessage.Assistant answer,
            Set<String> clientTools,
            List<Tool> tools,
            TurnRequest turn,
            Consumer<AgentEvent> listener,
            List<ChatMessage> messages) {
        List<StreamEvent.ToolCall> forClient = new ArrayList<>();
        for (var call : answer.toolCalls()) {
            if (clientTools.contains(call.toolName())) {
                forClient.add(call);
                listener.accept(new AgentEvent.ClientToolCall(call.callId(), call.toolName(), call.argumentsJson()));
            } else {
                ChatMessage.ToolResult toolResult = runTool(tools, call, turn, listener);
                services.transcripts().append(turn.sessionKey(), "tool", TranscriptCodec.tool(toolResult));
                messages.add(toolResult);
            }
        }
        return forClient;
    }

    private static TurnResult rejected(AgentSpec agent, String reason) {
        return new TurnResult("", TurnResult.Outcome.REJECTED, StopReason.OTHER, agent.model(), 0, 0, 0, reason);
    }

    private ChatMessage.ToolResult runTool(
            List<Tool> tools,
            openclaw.sdk.provider.StreamEvent.ToolCall call,
            TurnRequest turn,
            Consumer<AgentEvent> listener) {
        listener.accept(new AgentEvent.ToolStarted(call.callId(), call.toolName(), call.argumentsJson()));
        ToolOutcome outcome;
        Optional<Tool> tool = tools.stream()
                .filter(t -> t.spec().name().equals(call.toolName()))
                .findFirst();
        if (tool.isEmpty()) {
            outcome = ToolOutcome.error("unknown tool '" + call.toolName() + "'");
        } else if (!isJsonObject(call.argumentsJson())) {
            outcome = ToolOutcome.error("invalid arguments for " + call.toolName() + ": expected a JSON object");
        } else {
            try {
                outcome = tool.get()
                        .invoke(
                                call.argumentsJson(),
                                new ToolContext(turn.agent().id(), turn.sessionKey(), services.clock()));
            } catch (RuntimeException e) { // tool boundary: a failing tool becomes an error result for the model
                LOG.log(Level.WARNING, "tool " + call.toolName() + " failed", e);
                outcome = ToolOutcome.error(call.toolName() + " failed: " + e.getMessage());
            }
        }
        listener.accept(
                new AgentEvent.ToolFinished(call.callId(), call.toolName(), outcome.content(), outcome.isError()));
        return new ChatMessage.ToolResult(call.callId(), call.toolName(), outcome.content(), outcome.isError());
    }

    private TurnResult fail(TurnRequest turn, ModelRef model, int steps, String message) {
        return recorded(
                turn, new TurnResult("", TurnResult.Outcome.FAILED, StopReason.OTHER, model, steps, 0, 0, message));
    }

    /** Records a turn that ended without an answer in the transcript, and returns it. */
    private TurnResult recorded(TurnRequest turn, TurnResult result) {
        services.transcripts().append(turn.sessionKey(), "error", TranscriptCodec.error(result.error()));
        return result;
    }

    private static boolean isJsonObject(String json) {
        try {
            JsonNode node = TranscriptCodec.MAPPER.readTree(json);
            return node != null && node.isObject();
        } catch (IOException e) {
            return false;
        }
    }
}
