package openclaw.sdk.provider;

import java.util.List;
import java.util.Objects;

/** One message of the conversation sent to a model. The system prompt travels separately in {@link ChatRequest}. */
public sealed interface ChatMessage {

    /**
     * What the user said.
     *
     * @param text the message text
     */
    record User(String text) implements ChatMessage {
        /** Requires every part; copies lists. */
        public User {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * An earlier answer of the model, with the tool calls it made and the reasoning blocks that must be passed back.
     *
     * @param text the visible answer text, possibly empty
     * @param toolCalls the tool calls of that answer, in order
     * @param thinking reasoning blocks to return unchanged (Anthropic), in order
     */
    record Assistant(String text, List<StreamEvent.ToolCall> toolCalls, List<StreamEvent.ThinkingBlock> thinking)
            implements ChatMessage {
        /** Requires every part; copies lists. */
        public Assistant {
            Objects.requireNonNull(text, "text");
            toolCalls = List.copyOf(toolCalls);
            thinking = List.copyOf(thinking);
        }

        /**
         * An answer that is only text.
         *
         * @param text the answer
         * @return the message
         */
        public static Assistant text(String text) {
            return new Assistant(text, List.of(), List.of());
        }
    }

    /**
     * The result of one tool call, answering {@link StreamEvent.ToolCall#callId()}.
     *
     * @param callId the call being answered
     * @param toolName the tool that ran
     * @param content the result text (often JSON)
     * @param isError true when the tool failed or its arguments were invalid
     */
    record ToolResult(String callId, String toolName, String content, boolean isError) implements ChatMessage {
        /** Requires every part; copies lists. */
        public ToolResult {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(toolName, "toolName");
            Objects.requireNonNull(content, "content");
        }
    }
}
