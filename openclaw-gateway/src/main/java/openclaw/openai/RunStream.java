package openclaw.openai;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Streams a run as server-sent events with named events (protocols.md §5.4): {@code event: <name>},
 * {@code data: <object>}, until the run ends or waits for tool outputs, then {@code event: done} /
 * {@code data: [DONE]}. A client that goes away only stops its stream: the run goes on and can be retrieved, as an
 * Assistants run is a stored object. Stateless.
 */
final class RunStream {

    private static final Logger LOG = Logger.getLogger(RunStream.class.getName());

    /** Events after which a run's stream ends. */
    static final Set<String> LAST = Set.of(
            "thread.run.completed",
            "thread.run.requires_action",
            "thread.run.failed",
            "thread.run.cancelled",
            "thread.run.expired",
            "thread.run.incomplete");

    private static final Map<String, String> HEADERS = Map.of(
            "Content-Type", "text/event-stream; charset=utf-8", "Cache-Control", "no-cache", "X-Accel-Buffering", "no");

    private RunStream() {}

    /**
     * Sends {@code first} (e.g. {@code thread.created}), then the run's events from {@code feed} until its last one.
     */
    static void send(ApiCall call, List<RunState.Event> first, RunState.Feed feed) {
        try (OutputStream out = call.exchange().stream(200, HEADERS)) {
            for (RunState.Event e : first) {
                write(out, e.name(), e.data().toString());
            }
            while (true) {
                Optional<RunState.Event> next = feed.next(ApiTurns.MAX_WAIT);
                if (next.isEmpty()) {
                    ApiError timeout = ApiError.server("The run sent no event for " + ApiTurns.MAX_WAIT.toMinutes()
                            + " minutes; retrieve it to see its status.");
                    write(
                            out,
                            "error",
                            ApiResponses.envelope(timeout).path("error").toString());
                    break;
                }
                write(out, next.get().name(), next.get().data().toString());
                if (LAST.contains(next.get().name())) {
                    break;
                }
            }
            write(out, "done", "[DONE]");
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.FINE, "assistants stream client went away; the run goes on", e);
        } finally {
            feed.close();
        }
    }

    private static void write(OutputStream out, String event, String data) throws IOException {
        out.write(("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
