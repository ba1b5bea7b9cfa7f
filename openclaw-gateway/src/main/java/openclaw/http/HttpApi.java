package openclaw.http;

/**
 * A family of HTTP routes under one path prefix (e.g. {@code /v1}), served without knowing the web server library, as
 * {@link SocketEndpoint} does for WebSockets. The listener reads the body (answering 413 in the OpenAI error envelope
 * beyond {@link #maxBodyBytes()}) and hands each request to {@link #handle} on the request's virtual thread.
 */
public interface HttpApi {

    /** The path prefix, e.g. {@code /v1}; the API gets the prefix itself and everything below it. */
    String prefix();

    /** The largest request body accepted. */
    int maxBodyBytes();

    /** Answers one request; must respond exactly once (or stream). Exceptions become a 500 in the error envelope. */
    void handle(ApiExchange exchange);
}
