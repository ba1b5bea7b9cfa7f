package openclaw.agent;

import java.util.List;
import java.util.Objects;
import openclaw.sdk.provider.ChatMessage;

/** What starts or continues a turn. */
public sealed interface TurnInput {

    /**
     * A new user message.
     *
     * @param text the message
     */
    record Message(String text) implements TurnInput {
        public Message {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Results of the client-side tool calls a previous turn stopped at ({@link TurnResult.Outcome#TOOL_CALLS}); the
     * turn continues from there. Every pending call must be answered.
     *
     * @param results one result per pending call id (the tool name is filled in from the pending call)
     */
    record ToolResults(List<ChatMessage.ToolResult> results) implements TurnInput {
        public ToolResults {
            results = List.copyOf(results);
        }
    }

    /**
     * Nothing new: answer what the session's conversation already ends with (user messages added earlier, e.g. to an
     * Assistants thread).
     */
    record Pending() implements TurnInput {}
}
