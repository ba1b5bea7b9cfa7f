package openclaw.agent;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import openclaw.sdk.provider.ChatMessage;
import openclaw.sdk.provider.ToolSpec;

/**
 * Per-turn additions from API clients.
 *
 * @param instructions extra system instructions, appended to the agent's system prompt for this turn only
 * @param clientTools tools the client executes itself: when the model calls one, the turn stops with
 *     {@link TurnResult.Outcome#TOOL_CALLS} and continues when the client sends {@link TurnInput.ToolResults}
 * @param seed earlier conversation supplied by the client; stored as the session's history when the session's current
 *     conversation is empty, ignored otherwise (the stored conversation wins)
 * @param maxOutputTokens a cap on output tokens per model call, else the default
 */
public record TurnOptions(
        Optional<String> instructions,
        List<ToolSpec> clientTools,
        List<ChatMessage> seed,
        Optional<Integer> maxOutputTokens) {

    /** No additions. */
    public static final TurnOptions NONE = new TurnOptions(Optional.empty(), List.of(), List.of(), Optional.empty());

    public TurnOptions {
        Objects.requireNonNull(instructions, "instructions");
        clientTools = List.copyOf(clientTools);
        seed = List.copyOf(seed);
        Objects.requireNonNull(maxOutputTokens, "maxOutputTokens");
    }
}
