package openclaw.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One {@code [channels.<type>]} block, e.g. {@code [channels.telegram]}: the channel's accounts
 * ({@code [channels.telegram.accounts.main]}) and session-lifetime overrides for the whole channel ({@code idleHours},
 * {@code maxAgeHours}) and for its threads ({@code [channels.discord.threads]}).
 */
public record ChannelConfig(
        Optional<Integer> idleHours,
        Optional<Integer> maxAgeHours,
        SessionPolicy threads,
        Map<String, ChannelAccountConfig> accounts)
        implements ValidatedBlock {

    /** The channel types the gateway knows. */
    public static final List<String> TYPES =
            List.of("webchat", "telegram", "discord", "slack", "whatsapp", "signal", "imessage", "matrix", "msteams");

    /** Account names: letters, digits, {@code -} and {@code _}, 1 to 64 characters. */
    public static final Pattern ACCOUNT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    /** No accounts, no overrides. */
    public static final ChannelConfig DEFAULTS =
            new ChannelConfig(Optional.empty(), Optional.empty(), SessionPolicy.INHERIT, Map.of());

    public ChannelConfig {
        idleHours = Objects.requireNonNullElse(idleHours, Optional.empty());
        maxAgeHours = Objects.requireNonNullElse(maxAgeHours, Optional.empty());
        threads = Objects.requireNonNullElse(threads, SessionPolicy.INHERIT);
        accounts = Map.copyOf(Objects.requireNonNullElse(accounts, Map.of()));
    }

    /** The channel-level overrides as a policy. */
    public SessionPolicy policy() {
        return new SessionPolicy(idleHours, maxAgeHours);
    }

    @Override
    public void collectIssues(String path, List<ConfigIssue> issues) {
        policy().collectIssues(path, issues);
        for (String name : accounts.keySet()) {
            if (!ACCOUNT_NAME.matcher(name).matches()) {
                issues.add(ConfigIssue.at(
                        TomlText.child(TomlText.child(path, "accounts"), name),
                        "account name \"" + name + "\" must be 1-64 letters, digits, '-' or '_'"));
            }
        }
    }

    /** The known type closest to a misspelt one, when it is close enough to be a plausible typo. */
    public static Optional<String> suggestType(String type) {
        return ConfigSchema.suggestion(type, TYPES);
    }

    /** Adds an issue for every channel type that is not one of {@link #TYPES}. */
    static void checkTypes(Map<String, ChannelConfig> channels, List<ConfigIssue> issues) {
        for (String type : channels.keySet()) {
            if (!TYPES.contains(type)) {
                String hint = suggestType(type)
                        .map(s -> " (did you mean \"" + s + "\"?)")
                        .orElse("; known: " + String.join(", ", TYPES));
                issues.add(ConfigIssue.at(TomlText.child("channels", type), "unknown channel type" + hint));
            }
        }
    }
}
