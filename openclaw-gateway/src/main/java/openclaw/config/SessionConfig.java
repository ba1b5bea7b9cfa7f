package openclaw.config;

import java.util.List;

/**
 * {@code [session]}: when a conversation expires. A session expires after {@code idleHours} without a message, or
 * {@code maxAgeHours} after it started, whichever comes first; the next message then starts a fresh conversation (the
 * old transcript stays stored). {@code 0} turns a limit off. Channels override both, see {@link ChannelConfig}.
 */
public record SessionConfig(int idleHours, int maxAgeHours) implements ValidatedBlock {

    /** Idle for a day expires (OpenClaw resets daily by default); no hard age cap. */
    public static final SessionConfig DEFAULTS = new SessionConfig(24, 0);

    /** Upper bound for both limits: ten years. */
    static final int MAX_HOURS = 24 * 366 * 10;

    /** This policy with the overrides of {@code policy} applied. */
    public SessionConfig with(SessionPolicy policy) {
        return new SessionConfig(
                policy.idleHours().orElse(idleHours), policy.maxAgeHours().orElse(maxAgeHours));
    }

    @Override
    public void collectIssues(String path, List<ConfigIssue> issues) {
        checkHours(path, "idleHours", idleHours, issues);
        checkHours(path, "maxAgeHours", maxAgeHours, issues);
    }

    static void checkHours(String path, String key, int hours, List<ConfigIssue> issues) {
        if (hours < 0 || hours > MAX_HOURS) {
            issues.add(ConfigIssue.at(
                    TomlText.child(path, key), hours + " is out of range; expected 0 (off) to " + MAX_HOURS));
        }
    }
}
