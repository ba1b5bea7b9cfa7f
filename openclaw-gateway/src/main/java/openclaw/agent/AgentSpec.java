package openclaw.agent;

import java.util.List;
import java.util.Objects;
import openclaw.sdk.provider.ThinkingLevel;

/**
 * What an agent is: its id, instructions, model with fallbacks, thinking level, tools and step limit. Built from
 * {@code [agents.<id>]} by the wiring; immutable.
 */
public record AgentSpec(
        String id,
        String systemPrompt,
        ModelRef model,
        List<ModelRef> fallbacks,
        ThinkingLevel thinking,
        List<String> tools,
        int maxSteps) {

    /** Tool rounds per turn unless configured. */
    public static final int DEFAULT_MAX_STEPS = 8;

    public AgentSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        Objects.requireNonNull(model, "model");
        fallbacks = List.copyOf(fallbacks);
        Objects.requireNonNull(thinking, "thinking");
        tools = List.copyOf(tools);
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1");
        }
    }

    /** The primary model followed by the fallbacks. */
    public List<ModelRef> modelChain() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(model), fallbacks.stream())
                .toList();
    }
}
