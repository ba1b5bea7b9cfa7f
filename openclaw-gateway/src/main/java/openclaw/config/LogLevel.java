package openclaw.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Log severity threshold ({@code logging.level}, {@code logging.consoleLevel}); written lowercase in the file. */
public enum LogLevel {
    /** Everything, including wire-level detail. */
    TRACE,
    /** Diagnostic detail. */
    DEBUG,
    /** Normal operation (the default). */
    INFO,
    /** Recoverable problems. */
    WARN,
    /** Failures only. */
    ERROR;

    /** The lowercase spelling used in the config file. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
