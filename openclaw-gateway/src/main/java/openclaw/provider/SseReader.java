package openclaw.provider;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads server-sent events from a response body, one event at a time (only the current event's lines are held in
 * memory). Follows the SSE rules the providers rely on: {@code event:} names the event, several {@code data:} lines
 * join with a newline, lines starting with {@code :} are comments, a blank line ends an event. Not thread-safe.
 */
public final class SseReader implements AutoCloseable {

    /**
     * One event.
     *
     * @param event the {@code event:} name, empty when absent
     * @param data the joined {@code data:} lines
     */
    public record Event(String event, String data) {}

    private final BufferedReader reader;

    public SseReader(InputStream body) {
        this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 8192);
    }

    /**
     * The next event, empty at the end of the stream.
     *
     * @throws IOException when the connection fails mid-stream
     */
    public Optional<Event> next() throws IOException {
        String event = "";
        StringBuilder data = null;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isEmpty()) {
                if (data != null || !event.isEmpty()) {
                    return Optional.of(new Event(event, data == null ? "" : data.toString()));
                }
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (field.equals("event")) {
                event = value;
            } else if (field.equals("data")) {
                data = data == null
                        ? new StringBuilder(value)
                        : data.append('\n').append(value);
            }
        }
        // A final event without its blank line is incomplete: the stream was cut.
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
