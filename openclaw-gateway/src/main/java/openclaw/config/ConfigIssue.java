package openclaw.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One problem (or migration warning) found in a config file: the dotted key path (empty for syntax errors), the
 * 1-based line and column where that key is written (0 when unknown) and a human message that never contains a
 * secret value.
 */
public record ConfigIssue(String path, int line, int column, String message) {

    public ConfigIssue {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** An issue whose position the loader fills in later from the key index. */
    static ConfigIssue at(String path, String message) {
        return new ConfigIssue(path, 0, 0, message);
    }

    ConfigIssue withPosition(int newLine, int newColumn) {
        return new ConfigIssue(path, newLine, newColumn, message);
    }

    /** E.g. {@code /home/u/.openclaw/openclaw.toml:3:1: gateway.prot: unknown key (did you mean "port"?)}. */
    public String describe(Path file) {
        StringBuilder out = new StringBuilder(file.toString());
        if (line > 0) {
            out.append(':').append(line).append(':').append(column);
        }
        out.append(": ");
        if (!path.isEmpty()) {
            out.append(path).append(": ");
        }
        return out.append(message).toString();
    }
}
