package openclaw.sdk.provider;

import java.util.Objects;

/**
 * Events of one model turn, in order: text and thinking deltas and complete tool calls as they arrive, then at most
 * one {@link Usage}, then exactly one {@link Finished}. Unknown upstream events are skipped by providers.
 */
public sealed interface StreamEvent {

    /**
     * A piece of visible answer text.
     *
     * @param text the new text (not cumulative)
     */
    record TextDelta(String text) implements StreamEvent {
        /** Requires every part; copies lists. */
        public TextDelta {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A piece of the model's reasoning, where the provider exposes it.
     *
     * @param text the new reasoning text
     */
    record ThinkingDelta(String text) implements StreamEvent {
        /** Requires every part; copies lists. */
        public ThinkingDelta {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A finished reasoning block that must be passed back unchanged on the next request of the turn (Anthropic
     * thinking with its signature; empty signature where the provider has none).
     *
     * @param text the whole reasoning text of the block
     * @param signature the provider's integrity signature, or empty
     */
    record ThinkingBlock(String text, String signature) implements StreamEvent {
        /** Requires every part; copies lists. */
        public ThinkingBlock {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(signature, "signature");
        }
    }

    /**
     * A complete tool call: streamed argument fragments have been merged.
     *
     * @param callId the provider's id for the call, echoed in the tool result
     * @param toolName the tool to run
     * @param argumentsJson the arguments as JSON text exactly as the model produced them (may be invalid JSON)
     */
    record ToolCall(String callId, String toolName, String argumentsJson) implements StreamEvent {
        /** Requires every part; copies lists. */
        public ToolCall {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(toolName, "toolName");
            Objects.requireNonNull(argumentsJson, "argumentsJson");
        }
    }

    /**
     * Token accounting for the turn.
     *
     * @param inputTokens prompt tokens
     * @param outputTokens generated tokens, reasoning included
     * @param cachedInputTokens prompt tokens served from the provider's cache
     */
    record Usage(long inputTokens, long outputTokens, long cachedInputTokens) implements StreamEvent {}

    /**
     * The last event of every successful turn.
     *
     * @param reason why the model stopped
     */
    record Finished(StopReason reason) implements StreamEvent {
        /** Requires every part; copies lists. */
        public Finished {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
