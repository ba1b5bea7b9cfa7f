package openclaw.logging;

import java.net.BindException;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Drops the web server's own records about a failed bind (a stack trace and "failed to start, shutting down"): the
 * gateway reports a taken port itself, naming the port and how to change it, and the extra trace only buries that
 * message.
 */
final class ReportedElsewhereFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        String logger = record.getLoggerName();
        if (logger == null || !logger.startsWith("io.helidon.webserver")) {
            return true;
        }
        String message = record.getMessage() == null ? "" : record.getMessage();
        return !(causedByBind(record.getThrown()) || message.contains("failed to start"));
    }

    private static boolean causedByBind(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}
