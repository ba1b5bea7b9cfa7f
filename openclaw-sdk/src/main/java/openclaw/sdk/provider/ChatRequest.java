package openclaw.sdk.provider;

import java.util.List;
import java.util.Objects;

/**
 * Everything one model turn needs.
 *
 * @param model the provider's model name, e.g. {@code gpt-5} or {@code claude-4.6-sonnet}
 * @param systemPrompt instructions, empty for none
 * @param messages the conversation so far, oldest first; the last is usually a user message or tool results
 * @param tools the tools the model may call
 * @param thinking how much to reason
 * @param maxOutputTokens the output token limit
 * @param sessionKey the conversation this turn belongs to, for transport reuse (a provider's per-session socket or
 *     response chaining); empty when there is none
 */
public record ChatRequest(
        String model,
        String systemPrompt,
        List<ChatMessage> messages,
        List<ToolSpec> tools,
        ThinkingLevel thinking,
        int maxOutputTokens,
        String sessionKey) {

    /** Default output token limit. */
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 8192;

    /**
     * Copies the lists and checks the values.
     *
     * @throws IllegalArgumentException for an empty model name or a non-positive token limit
     */
    public ChatRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
        Objects.requireNonNull(thinking, "thinking");
        Objects.requireNonNull(sessionKey, "sessionKey");
        if (model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        if (maxOutputTokens < 1) {
            throw new IllegalArgumentException("maxOutputTokens must be positive");
        }
    }

    /**
     * A single user message to {@code model}, no tools, default thinking.
     *
     * @param model the model name
     * @param userText the user's message
     * @return the request
     */
    public static ChatRequest of(String model, String userText) {
        return new ChatRequest(
                model,
                "",
                List.of(new ChatMessage.User(userText)),
                List.of(),
                ThinkingLevel.DEFAULT,
                DEFAULT_MAX_OUTPUT_TOKENS,
                "");
    }

    /**
     * A copy with other messages (the agent loop appends tool results this way).
     *
     * @param newMessages the conversation
     * @return the new request
     */
    public ChatRequest withMessages(List<ChatMessage> newMessages) {
        return new ChatRequest(model, systemPrompt, newMessages, tools, thinking, maxOutputTokens, sessionKey);
    }
}
