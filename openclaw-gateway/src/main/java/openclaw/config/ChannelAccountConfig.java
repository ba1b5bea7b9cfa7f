package openclaw.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code [channels.<type>.accounts.<name>]} block: a configured account of a channel (a bot, a phone number).
 * Bindings route it to an agent. The channel modules add their credentials; a disabled account stays configured but
 * receives nothing.
 */
public record ChannelAccountConfig(boolean enabled, Optional<String> displayName) implements ValidatedBlock {

    /** Enabled, no display name. */
    public static final ChannelAccountConfig DEFAULTS = new ChannelAccountConfig(true, Optional.empty());

    public ChannelAccountConfig {
        displayName = Objects.requireNonNullElse(displayName, Optional.empty());
    }

    @Override
    public void collectIssues(String path, List<ConfigIssue> issues) {
        displayName
                .filter(String::isBlank)
                .ifPresent(n -> issues.add(ConfigIssue.at(
                        TomlText.child(path, "displayName"), "must not be blank; remove the key instead")));
    }
}
