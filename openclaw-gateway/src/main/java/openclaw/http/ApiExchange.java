package openclaw.http;

import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;

/** One HTTP request to an {@link HttpApi} and the way to answer it. */
public interface ApiExchange {

    /** The method, upper case. */
    String method();

    /** The decoded path, e.g. {@code /v1/models/openclaw}. */
    String path();

    /** A query parameter's first value. */
    Optional<String> query(String name);

    /** A request header's first value (case-insensitive name). */
    Optional<String> header(String name);

    /** The whole request body (empty when there is none). */
    byte[] body();

    /** The peer's IP address, for throttling. */
    String remoteAddress();

    /** Sends a complete response. */
    void respond(int status, Map<String, String> headers, byte[] body);

    /**
     * Starts a streamed response (e.g. server-sent events): each {@code flush()} sends what was written; closing the
     * stream ends the response. Writes throw {@link java.io.UncheckedIOException} or {@link java.io.IOException} when
     * the client went away.
     */
    OutputStream stream(int status, Map<String, String> headers);
}
