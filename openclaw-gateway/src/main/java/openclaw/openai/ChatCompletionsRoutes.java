package openclaw.openai;

import java.util.Optional;
import openclaw.agent.AgentSpec;
import openclaw.chat.RunOutcome;
import openclaw.chat.RunRequest;
import openclaw.sdk.provider.ToolSpec;

/**
 * {@code POST /v1/chat/completions}: one agent turn per request. The {@code model} (or {@code x-openclaw-agent-id})
 * picks the agent; the session is {@code x-openclaw-session-key}, else a stable one per {@code user}, else a new one.
 * A run that stops at client tool calls answers with {@code tool_calls} and {@code finish_reason:"tool_calls"}; the
 * next request ending with the {@code tool} messages continues it. Run failures map to errors: input the session
 * cannot take (tool results nobody waits for, missing results) is a 400 on {@code messages}; a failed model is a 500
 * {@code server_error} with the run's message; a run aborted by someone else (chat.abort, shutdown) is a 500 too, since
 * a partial answer presented as complete would mislead the client. Stateless.
 */
final class ChatCompletionsRoutes {

    private ChatCompletionsRoutes() {}

    static void register(Router router) {
        router.add("POST", "/v1/chat/completions", Scope.CHAT, "chat.completions", ChatCompletionsRoutes::create);
    }

    private static void create(ApiCall call) {
        ChatCompletionRequest body = ChatCompletionRequest.parse(call.json());
        ApiContext context = call.context();
        String agentId = AgentTargets.resolve(context, body.model(), call.header("x-openclaw-agent-id"));
        checkToolNames(context, agentId, body);
        String sessionKey = ApiTurns.sessionKey(agentId, call.header("x-openclaw-session-key"), body.user());
        String id = ApiTurns.runId("chatcmpl-");
        RunRequest run = new RunRequest(id, agentId, sessionKey, body.input(), body.thinking(), body.options());
        ChatCompletionJson.Head head =
                new ChatCompletionJson.Head(id, context.clock().millis() / 1000, body.model());
        if (body.stream()) {
            ChatCompletionStream.serve(call, ApiTurns.stream(context, run), head, body.includeUsage());
            return;
        }
        RunOutcome outcome = ApiTurns.run(context, run, event -> {});
        Optional<ApiError> failure = failure(outcome);
        if (failure.isPresent()) {
            throw failure.get();
        }
        call.exchange().respond(200, ApiResponses.JSON, ChatCompletionJson.completion(head, outcome));
    }

    /** A client tool named like one of the agent's own tools would be ambiguous for the model: 400 on {@code tools}. */
    private static void checkToolNames(ApiContext context, String agentId, ChatCompletionRequest body) {
        if (body.options().clientTools().isEmpty()) {
            return;
        }
        AgentSpec agent = context.agents().get().get(agentId);
        for (ToolSpec tool : body.options().clientTools()) {
            if (agent != null && agent.tools().contains(tool.name())) {
                throw ApiError.invalid(
                        "tools",
                        "Tool '" + tool.name() + "' is a gateway tool of agent " + agentId
                                + "; give the client tool another name.");
            }
        }
    }

    /** The error a run that did not answer maps to; empty for an answer or tool calls. */
    static Optional<ApiError> failure(RunOutcome outcome) {
        return switch (outcome.status()) {
            case OK, TOOL_CALLS -> Optional.empty();
            case REJECTED ->
                Optional.of(ApiError.invalid("messages", outcome.error().orElse("invalid input")));
            case ERROR -> Optional.of(ApiError.server(outcome.error().orElse("the turn failed")));
            case ABORTED ->
                Optional.of(ApiError.server(
                        "The turn was aborted before it finished (chat.abort, a session reset or gateway"
                                + " shutdown)."));
        };
    }
}
