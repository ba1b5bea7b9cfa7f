package openclaw.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code [agents.<id>]} block: instructions, model (with thinking mode), fallbacks as {@code provider/model}
 * references, tool names, and the tool-round limit.
 */
public record AgentConfig(
        Optional<String> systemPrompt,
        Optional<AgentModelConfig> model,
        List<String> fallbacks,
        List<String> tools,
        int maxSteps)
        implements ValidatedBlock {

    /** No prompt, the default model, no fallbacks or tools, 8 steps. */
    public static final AgentConfig DEFAULTS =
            new AgentConfig(Optional.empty(), Optional.empty(), List.of(), List.of(), 8);

    public AgentConfig {
        systemPrompt = Objects.requireNonNullElse(systemPrompt, Optional.empty());
        model = Objects.requireNonNullElse(model, Optional.empty());
        fallbacks = List.copyOf(Objects.requireNonNullElse(fallbacks, List.of()));
        tools = List.copyOf(Objects.requireNonNullElse(tools, List.of()));
    }

    @Override
    public void collectIssues(String path, List<ConfigIssue> issues) {
        if (maxSteps < 1 || maxSteps > 100) {
            issues.add(
                    ConfigIssue.at(TomlText.child(path, "maxSteps"), maxSteps + " is out of range; expected 1..100"));
        }
        for (int i = 0; i < fallbacks.size(); i++) {
            String ref = fallbacks.get(i);
            int slash = ref.indexOf('/');
            if (slash <= 0 || slash == ref.length() - 1) {
                issues.add(ConfigIssue.at(
                        TomlText.child(path, "fallbacks") + "[" + i + "]",
                        "\"" + ref + "\" must look like provider/model, e.g. \"openai/gpt-5\""));
            }
        }
    }
}
