package openclaw.config;

/** {@code [response] transport}: WebSocket with SSE fallback ({@code auto}), WebSocket only, or SSE only. */
public enum ResponseTransport {
    /** WebSocket, falling back to SSE when the socket cannot be used. */
    AUTO,
    /** WebSocket only: socket errors surface. */
    WEBSOCKET,
    /** SSE only (the pre-2026.3 behaviour). */
    SSE
}
