package openclaw.config;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import openclaw.sdk.OpenClawException;

/**
 * A config file (or an edit of it) was rejected. Carries every issue found, not just the first; the message lists
 * them one per line as {@code file:line:col: path: message}. Never contains secret values.
 */
public final class ConfigException extends OpenClawException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigIssue> issues;

    /**
     * @param file the config file the issues refer to
     * @param issues at least one issue
     */
    public ConfigException(Path file, List<ConfigIssue> issues) {
        super(message(file, issues));
        this.issues = List.copyOf(issues);
    }

    /** Every issue, in file order. */
    public List<ConfigIssue> issues() {
        return issues;
    }

    private static String message(Path file, List<ConfigIssue> issues) {
        String header = issues.size() == 1 ? "Invalid config:" : "Invalid config (" + issues.size() + " problems):";
        return issues.stream().map(i -> "  " + i.describe(file)).collect(Collectors.joining("\n", header + "\n", ""));
    }
}
