package openclaw.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import openclaw.secrets.Redactor;

/**
 * One JSON object per line: {@code ts}, {@code level}, {@code logger}, {@code thread}, {@code msg} and, when present,
 * {@code error}. Message and stack trace pass through the current {@link Redactor} first. Hand-written rather than
 * Jackson so logging costs nothing at start-up and cannot fail on odd objects.
 */
final class JsonLogFormatter extends Formatter {

    private final Supplier<Redactor> redactor;

    JsonLogFormatter(Supplier<Redactor> redactor) {
        this.redactor = redactor;
    }

    @Override
    public String format(LogRecord record) {
        Redactor r = redactor.get();
        StringBuilder sb = new StringBuilder(256);
        sb.append("{\"ts\":\"").append(Instant.ofEpochMilli(record.getMillis())).append('"');
        sb.append(",\"level\":\"").append(LogLevels.name(record.getLevel())).append('"');
        field(sb, "logger", shortLogger(record.getLoggerName()));
        field(sb, "thread", Thread.currentThread().getName());
        field(sb, "msg", r.redact(formatMessage(record)));
        if (record.getThrown() != null) {
            field(sb, "error", r.redact(stackTrace(record.getThrown())));
        }
        return sb.append("}\n").toString();
    }

    static String stackTrace(Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        return sw.toString().stripTrailing();
    }

    static String shortLogger(String name) {
        return name == null ? "" : name;
    }

    private static void field(StringBuilder sb, String key, String value) {
        sb.append(",\"").append(key).append("\":\"");
        escape(sb, value);
        sb.append('"');
    }

    static void escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }
}
