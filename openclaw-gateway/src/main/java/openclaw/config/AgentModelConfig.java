package openclaw.config;

import java.util.List;
import java.util.Objects;

/** {@code [agents.<id>.model]}: provider id, model name and {@code [agents.<id>.model.thinking]}. */
public record AgentModelConfig(String provider, String name, ThinkingConfig thinking) implements ValidatedBlock {

    /** Placeholder values; both names are required when the block is present. */
    public static final AgentModelConfig DEFAULTS = new AgentModelConfig("", "", ThinkingConfig.DEFAULTS);

    public AgentModelConfig {
        provider = Objects.requireNonNullElse(provider, "");
        name = Objects.requireNonNullElse(name, "");
        thinking = Objects.requireNonNullElse(thinking, ThinkingConfig.DEFAULTS);
    }

    @Override
    public void collectIssues(String path, List<ConfigIssue> issues) {
        if (provider.isBlank()) {
            issues.add(ConfigIssue.at(TomlText.child(path, "provider"), "is required (a [providers.<id>] id)"));
        }
        if (name.isBlank()) {
            issues.add(ConfigIssue.at(TomlText.child(path, "name"), "is required (the model name, e.g. gpt-5)"));
        }
    }
}
