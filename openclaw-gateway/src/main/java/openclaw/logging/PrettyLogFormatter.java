package openclaw.logging;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import openclaw.secrets.Redactor;

/** Human-readable console lines ({@code consoleStyle = "pretty"}): time, level, logger, message; redacted. */
final class PrettyLogFormatter extends Formatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final Supplier<Redactor> redactor;

    PrettyLogFormatter(Supplier<Redactor> redactor) {
        this.redactor = redactor;
    }

    @Override
    public String format(LogRecord record) {
        Redactor r = redactor.get();
        String time =
                LocalTime.ofInstant(record.getInstant(), ZoneId.systemDefault()).format(TIME);
        StringBuilder sb = new StringBuilder(128)
                .append(time)
                .append(' ')
                .append(String.format("%-5s", LogLevels.name(record.getLevel())))
                .append(' ')
                .append(simpleName(record.getLoggerName()))
                .append(": ")
                .append(r.redact(formatMessage(record)));
        if (record.getThrown() != null) {
            sb.append('\n').append(r.redact(JsonLogFormatter.stackTrace(record.getThrown())));
        }
        return sb.append('\n').toString();
    }

    private static String simpleName(String logger) {
        if (logger == null) {
            return "";
        }
        int dot = logger.lastIndexOf('.');
        return dot < 0 ? logger : logger.substring(dot + 1);
    }
}
