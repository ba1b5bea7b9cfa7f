package openclaw.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code [storage]}: where sessions and transcripts live. Absent {@code url} means the embedded SQLite database under
 * the state directory. The URL may carry a password, so {@link #toString()}, {@link #redacted()} and error messages
 * mask it.
 */
public record StorageConfig(Optional<String> url) implements ValidatedBlock {

    /** Embedded SQLite. */
    public static final StorageConfig DEFAULTS = new StorageConfig(Optional.empty());

    private static final Pattern QUERY_PASSWORD = Pattern.compile("(?i)([?&;]password=)[^&;]*");
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/:@]*:)[^@/]*@");

    public StorageConfig {
        url = Objects.requireNonNullElse(url, Optional.empty());
    }

    /** The configured URL, else {@link OpenClawHome#defaultStorageUrl()}. */
    public String effectiveUrl(OpenClawHome home) {
        return url.orElseGet(home::defaultStorageUrl);
    }

    /** A copy whose URL has any password replaced by {@code ***}. */
    public StorageConfig redacted() {
        return new StorageConfig(url.map(StorageConfig::maskPassword));
    }

    static String maskPassword(String jdbcUrl) {
        String masked = QUERY_PASSWORD.matcher(jdbcUrl).replaceAll("$1" + GatewayAuthConfig.MASK);
        return USER_INFO_PASSWORD.matcher(masked).replaceAll("$1" + GatewayAuthConfig.MASK + "@");
    }

    @Override
    public void collectIssues(String path, List<ConfigIssue> issues) {
        url.filter(u -> !u.startsWith("jdbc:sqlite:") && !u.startsWith("jdbc:postgresql:"))
                .ifPresent(u -> issues.add(ConfigIssue.at(
                        path + ".url", "unsupported URL; expected jdbc:sqlite:<file> or jdbc:postgresql://...")));
    }

    @Override
    public String toString() {
        return "StorageConfig[url=" + url.map(StorageConfig::maskPassword).orElse("<default>") + "]";
    }
}
