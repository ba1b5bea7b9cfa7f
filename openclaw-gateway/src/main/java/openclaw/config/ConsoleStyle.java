package openclaw.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Format of log lines written to stderr ({@code logging.consoleStyle}); written lowercase in the file. */
public enum ConsoleStyle {
    /** One JSON object per line (the default), for log shippers. */
    JSON,
    /** Human-readable, for a terminal. */
    PRETTY;

    /** The lowercase spelling used in the config file. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
