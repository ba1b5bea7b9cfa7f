package openclaw.logging;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import openclaw.secrets.Redactor;

/**
 * One JSON object per line: {@code ts}, {@code level}, {@code logger}, {@code thread}, {@code msg} and, when present,
 * {@code error}. Message and stack trace pass through the current {@link Redactor} first. Written directly (only the
 * string escaping is Jackson's) so logging costs nothing at start-up and cannot fail on odd objects.
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
        field(sb, "logger", record.getLoggerName() == null ? "" : record.getLoggerName());
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

    private static void field(StringBuilder sb, String key, String value) {
        sb.append(",\"").append(key).append("\":\"");
        JsonStringEncoder.getInstance().quoteAsString(value, sb);
        sb.append('"');
    }
}
