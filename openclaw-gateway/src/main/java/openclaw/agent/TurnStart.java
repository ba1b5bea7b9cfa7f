package openclaw.agent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import openclaw.sdk.provider.ChatMessage;
import openclaw.sdk.provider.StreamEvent;
import openclaw.sdk.provider.ToolSpec;
import openclaw.store.SessionRecord;
import openclaw.store.TranscriptStore;

/**
 * Prepares a turn's conversation: the session's current history (seeded from the request when empty) plus the new
 * input, stored in the transcript before the model is called. Input that does not fit the conversation (tool results
 * nobody asked for, nothing to answer) is rejected before anything is stored.
 */
final class TurnStart {

    /** The conversation to send, or why the input was rejected. */
    sealed interface Prepared {
        /** Ready: the whole conversation, oldest first. */
        record Ready(List<ChatMessage> messages) implements Prepared {}

        /** Rejected; nothing was stored. */
        record Rejected(String reason) implements Prepared {}
    }

    private TurnStart() {}

    /** Adds the turn's client tools to {@code specs}; a name clash with a gateway tool is returned instead. */
    static Optional<String> addClientTools(List<ToolSpec> specs, TurnRequest turn) {
        for (ToolSpec spec : turn.options().clientTools()) {
            if (specs.stream().anyMatch(s -> s.name().equals(spec.name()))) {
                return Optional.of("tool '" + spec.name() + "' is a gateway tool of agent "
                        + turn.agent().id() + "; give the client tool another name");
            }
            specs.add(spec);
        }
        return Optional.empty();
    }

    /** The agent's system prompt followed by the turn's extra instructions. */
    static String systemPrompt(TurnRequest turn) {
        String own = turn.agent().systemPrompt();
        return turn.options()
                .instructions()
                .filter(i -> !i.isBlank())
                .map(i -> own.isBlank() ? i : own + "\n\n" + i)
                .orElse(own);
    }

    /** The client tool calls of the conversation's last answer that have no result yet, in order. */
    static List<StreamEvent.ToolCall> pending(List<ChatMessage> messages) {
        Set<String> answered = new HashSet<>();
        for (int i = messages.size() - 1; i >= 0; i--) {
            switch (messages.get(i)) {
                case ChatMessage.ToolResult r -> answered.add(r.callId());
                case ChatMessage.Assistant a -> {
                    return a.toolCalls().stream()
                            .filter(c -> !answered.contains(c.callId()))
                            .toList();
                }
                case ChatMessage.User u -> {
                    return List.of();
                }
            }
        }
        return List.of();
    }

    /** The session's current conversation as a model sees it. */
    static List<ChatMessage> history(TranscriptStore transcripts, String sessionKey, SessionRecord session) {
        return new ArrayList<>(
                TranscriptCodec.history(transcripts.read(sessionKey, session.historyFrom(), Integer.MAX_VALUE)));
    }

    /**
     * The conversation the model gets, with the turn's new messages appended to the transcript. The appends are only
     * started ({@link TranscriptStore#startAppend}) and added to {@code started}: the model call need not wait for
     * their commit, and the turn awaits them before it reports its result.
     */
    static Prepared prepare(
            TranscriptStore transcripts,
            TurnRequest turn,
            SessionRecord session,
            List<TranscriptStore.PendingAppend> started) {
        List<ChatMessage> messages = history(transcripts, turn.sessionKey(), session);
        List<ChatMessage> seed = messages.isEmpty() ? turn.options().seed() : List.of();
        List<ChatMessage> conversation = new ArrayList<>(messages);
        conversation.addAll(seed);
        List<ChatMessage> added = new ArrayList<>(seed);
        switch (turn.input()) {
            case TurnInput.Message m -> added.add(new ChatMessage.User(m.text()));
            case TurnInput.ToolResults r -> {
                Optional<String> problem = answers(pending(conversation), r.results(), added);
                if (problem.isPresent()) {
                    return new Prepared.Rejected(problem.get());
                }
            }
            case TurnInput.Pending p -> {
                if (conversation.isEmpty() || !(conversation.getLast() instanceof ChatMessage.User)) {
                    return new Prepared.Rejected(
                            conversation.isEmpty() || pending(conversation).isEmpty()
                                    ? "there is no new user message to answer"
                                    : "the conversation is waiting for tool results");
                }
            }
        }
        for (ChatMessage message : added) {
            started.add(store(transcripts, turn.sessionKey(), message));
        }
        messages.addAll(added);
        return new Prepared.Ready(messages);
    }

    /** Checks that {@code results} answer exactly the pending calls, and adds them (named) to {@code added}. */
    private static Optional<String> answers(
            List<StreamEvent.ToolCall> pending, List<ChatMessage.ToolResult> results, List<ChatMessage> added) {
        if (pending.isEmpty()) {
            return Optional.of("no tool calls are waiting for results in this session");
        }
        Map<String, StreamEvent.ToolCall> byId = new LinkedHashMap<>();
        pending.forEach(c -> byId.put(c.callId(), c));
        Map<String, ChatMessage.ToolResult> given = new LinkedHashMap<>();
        for (ChatMessage.ToolResult r : results) {
            if (!byId.containsKey(r.callId())) {
                return Optional.of("tool call '" + r.callId() + "' is not waiting for a result; waiting: "
                        + String.join(", ", byId.keySet()));
            }
            given.put(r.callId(), r);
        }
        List<String> missing =
                byId.keySet().stream().filter(id -> !given.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            return Optional.of("missing results for tool calls: " + String.join(", ", missing));
        }
        for (StreamEvent.ToolCall call : pending) {
            ChatMessage.ToolResult r = given.get(call.callId());
            added.add(new ChatMessage.ToolResult(call.callId(), call.toolName(), r.content(), r.isError()));
        }
        return Optional.empty();
    }

    private static TranscriptStore.PendingAppend store(
            TranscriptStore transcripts, String sessionKey, ChatMessage message) {
        return switch (message) {
            case ChatMessage.User u -> transcripts.startAppend(sessionKey, "user", TranscriptCodec.user(u.text()));
            case ChatMessage.Assistant a ->
                transcripts.startAppend(
                        sessionKey,
                        "assistant",
                        TranscriptCodec.assistant(
                                a, new ModelRef("client", "history"), new StreamEvent.Usage(0, 0, 0), "imported"));
            case ChatMessage.ToolResult r -> transcripts.startAppend(sessionKey, "tool", TranscriptCodec.tool(r));
        };
    }
}
