package openclaw.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code [logging]}: levels, console style, the rotated JSON log file and extra redaction patterns. Absent
 * {@code file} means {@code OpenClawHome.logsDir()/gateway.log}.
 */
public record LoggingConfig(
        LogLevel level,
        LogLevel consoleLevel,
        ConsoleStyle consoleStyle,
        Optional<String> file,
        long maxFileBytes,
        int maxFiles,
        List<String> redactPatterns)
        implements ValidatedBlock {

    /** 10 MiB per file. */
    public static final long DEFAULT_MAX_FILE_BYTES = 10L * 1024 * 1024;

    /** Info everywhere, JSON console, 5 files of 10 MiB. */
    public static final LoggingConfig DEFAULTS = new LoggingConfig(
            LogLevel.INFO, LogLevel.INFO, ConsoleStyle.JSON, Optional.empty(), DEFAULT_MAX_FILE_BYTES, 5, List.of());

    @SuppressWarnings("checkstyle:ParameterNumber") // one parameter per config key
    public LoggingConfig {
        level = Objects.requireNonNullElse(level, LogLevel.INFO);
        consoleLevel = Objects.requireNonNullElse(consoleLevel, LogLevel.INFO);
        consoleStyle = Objects.requireNonNullElse(consoleStyle, ConsoleStyle.JSON);
        file = Objects.requireNonNullElse(file, Optional.empty());
        redactPatterns = List.copyOf(Objects.requireNonNullElse(redactPatterns, List.of()));
    }

    /** The configured log file, else {@code gateway.log} in the logs directory. */
    public String effectiveFile(OpenClawHome home) {
        return file.orElseGet(() -> home.logsDir().resolve("gateway.log").toString());
    }

    @Override
    public void collectIssues(String path, List<ConfigIssue> issues) {
        if (maxFileBytes <= 0) {
            issues.add(ConfigIssue.at(path + ".maxFileBytes", maxFileBytes + " is out of range; expected > 0"));
        }
        if (maxFiles < 1) {
            issues.add(ConfigIssue.at(path + ".maxFiles", maxFiles + " is out of range; expected >= 1"));
        }
        if (file.isPresent() && file.get().isBlank()) {
            issues.add(ConfigIssue.at(path + ".file", "must not be blank"));
        }
        for (int i = 0; i < redactPatterns.size(); i++) {
            try {
                Pattern.compile(redactPatterns.get(i));
            } catch (PatternSyntaxException e) {
                issues.add(ConfigIssue.at(
                        path + ".redactPatterns[" + i + "]", "not a valid regular expression: " + e.getDescription()));
            }
        }
    }
}
