package openclaw.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class ReportedElsewhereFilterTest {

    private final ReportedElsewhereFilter filter = new ReportedElsewhereFilter();

    private static LogRecord record(String logger, String message, Throwable thrown) {
        LogRecord r = new LogRecord(Level.SEVERE, message);
        r.setLoggerName(logger);
        r.setThrown(thrown);
        return r;
    }

    @Test
    void drops_the_web_servers_own_bind_failure_records() {
        Throwable bind = new UncheckedIOException(
                "Failed to start server", new java.io.IOException(new BindException("Address already in use")));
        assertThat(filter.isLoggable(record("io.helidon.webserver.ServerListener", "boom", bind)))
                .isFalse();
        assertThat(filter.isLoggable(record(
                        "io.helidon.webserver.LoomServer", "Helidon WebServer failed to start, shutting down", null)))
                .isFalse();
    }

    @Test
    void keeps_everything_else() {
        Throwable bind = new BindException("Address already in use");
        assertThat(filter.isLoggable(record("openclaw.server.GatewayProcess", "port taken", bind)))
                .isTrue();
        assertThat(filter.isLoggable(record("io.helidon.webserver.LoomServer", "Started all channels", null)))
                .isTrue();
        assertThat(filter.isLoggable(record(null, "x", null))).isTrue();
    }
}
