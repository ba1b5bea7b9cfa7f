package openclaw.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import openclaw.agent.TurnInput;
import openclaw.agent.TurnOptions;
import openclaw.chat.RunEvent;
import openclaw.chat.RunOutcome;
import openclaw.chat.RunRequest;
import openclaw.sdk.provider.StreamEvent;

/**
 * Creates one response, over HTTP or a WebSocket: picks the agent and session (the previous response's, else
 * {@code x-openclaw-session-key}, {@code user} or a new one), turns the input items into a turn, runs it, stores the
 * response (unless {@code store:false}) and reports it to a {@link ResponseStreamer.Sink}. Errors found before any event
 * was sent are thrown as {@link ApiError}, so each transport answers them its own way.
 */
final class ResponseTurn {

    /** Looks up the response a {@code previous_response_id} names (the WebSocket also checks its own cache). */
    @FunctionalInterface
    interface Previous {
        Optional<ResponseStore.Stored> find(String id);
    }

    private final ApiContext context;
    private final ResponseStore store;

    ResponseTurn(ApiContext context) {
        this.context = context;
        this.store = new ResponseStore(context.store().keyValues());
    }

    ResponseStore store() {
        return store;
    }

    /** The stored responses, for {@code previous_response_id} over HTTP. */
    Previous stored() {
        return store::get;
    }

    /**
     * Creates the response for {@code request}.
     *
     * @param headers request headers by lower-case name ({@code x-openclaw-agent-id}, {@code x-openclaw-session-key})
     * @throws ApiError for a request that cannot run; nothing was sent to {@code sink} then
     */
    ResponseStore.Stored create(
            ResponseRequest request,
            Function<String, Optional<String>> headers,
            Previous previous,
            ResponseStreamer.Sink sink) {
        String agentId = AgentTargets.resolve(context, request.model(), headers.apply("x-openclaw-agent-id"));
        Optional<ResponseStore.Stored> before = request.previousResponseId().map(id -> previous.find(id)
                .orElseThrow(() -> ApiError.invalid(
                        "previous_response_id",
                        "previous_response_not_found",
                        "Previous response with id '" + id + "' not found.")));
        String sessionKey = before.map(ResponseStore.Stored::sessionKey)
                .orElseGet(() -> ApiTurns.sessionKey(agentId, headers.apply("x-openclaw-session-key"), request.user()));
        String agent = before.map(ResponseStore.Stored::agentId).orElse(agentId);
        List<ResponseItems.Item> items = new ArrayList<>();
        before.filter(ResponseStore.Stored::warmup).ifPresent(w -> items.addAll(ResponseItems.parse(w.inputItems())));
        items.addAll(request.items());
        String id = ResponseIds.next("resp_");
        ObjectNode response =
                ResponseObjects.skeleton(id, request, context.clock().instant().getEpochSecond());
        if (!request.generate()) {
            return warmUp(
                    request,
                    response,
                    new ResponseStore.Stored(response, sessionKey, agent, ResponseItems.json(items), true),
                    sink);
        }
        ResponseItems.Turn turn = ResponseItems.turn(items);
        requireNoPendingCalls(sessionKey, turn);
        RunRequest run = new RunRequest(
                ApiTurns.runId("resp-run-"),
                agent,
                sessionKey,
                turn.input(),
                request.thinking(),
                options(request, turn));
        ResponseStreamer streamer = execute(run, response, sink);
        return finish(
                request,
                new ResponseStore.Stored(response, sessionKey, agent, ResponseItems.json(request.items()), false),
                streamer,
                sink);
    }

    /** A new message while the session waits for function call outputs is refused, as OpenAI refuses it. */
    private void requireNoPendingCalls(String sessionKey, ResponseItems.Turn turn) {
        if (!(turn.input() instanceof TurnInput.Message)) {
            return;
        }
        List<StreamEvent.ToolCall> waiting = context.pendingToolCalls().apply(sessionKey);
        if (!waiting.isEmpty()) {
            throw ApiError.invalid(
                    "input",
                    "No tool output found for function call "
                            + waiting.getFirst().callId() + ". Send a"
                            + " function_call_output item for every function call of the previous response.");
        }
    }

    private static TurnOptions options(ResponseRequest request, ResponseItems.Turn turn) {
        List<String> parts = new ArrayList<>();
        request.instructions().filter(i -> !i.isBlank()).ifPresent(parts::add);
        parts.addAll(turn.instructions());
        request.toolChoiceInstruction().ifPresent(parts::add);
        Optional<String> instructions = parts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n\n", parts));
        return new TurnOptions(instructions, request.tools(), turn.seed(), request.maxOutputTokens());
    }

    /** Runs the turn; the response is finished when this returns but its terminal event is not sent yet. */
    private ResponseStreamer execute(RunRequest run, ObjectNode response, ResponseStreamer.Sink sink) {
        ApiTurns.Events events = ApiTurns.stream(context, run);
        RunEvent event = events.next();
        while (event instanceof RunEvent.Started) {
            event = events.next();
        }
        if (event instanceof RunEvent.Finished f && f.outcome().status() == RunOutcome.Status.REJECTED) {
            throw ApiError.invalid("input", f.outcome().error().orElse("The input does not fit the conversation."));
        }
        ResponseStreamer streamer = new ResponseStreamer(response, sink);
        streamer.start();
        boolean aborted = false;
        while (!(event instanceof RunEvent.Finished)) {
            streamer.on(event);
            if (!streamer.alive() && !aborted) {
                events.abort(); // the client went away
                aborted = true;
            }
            event = events.next();
        }
        streamer.finish(
                ((RunEvent.Finished) event).outcome(), context.clock().instant().getEpochSecond());
        return streamer;
    }

    /** Stores the finished response, tells the sink, then sends the terminal event (so a client can chain at once). */
    private ResponseStore.Stored finish(
            ResponseRequest request,
            ResponseStore.Stored stored,
            ResponseStreamer streamer,
            ResponseStreamer.Sink sink) {
        if (request.store()) {
            store.put(stored);
        }
        sink.finished(stored);
        streamer.terminal();
        return stored;
    }

    private ResponseStore.Stored warmUp(
            ResponseRequest request, ObjectNode response, ResponseStore.Stored stored, ResponseStreamer.Sink sink) {
        ResponseStreamer streamer = new ResponseStreamer(response, sink);
        streamer.created();
        ResponseObjects.warmedUp(response, context.clock().instant().getEpochSecond());
        return finish(request, stored, streamer, sink);
    }
}
