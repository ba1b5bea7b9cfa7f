package openclaw.http;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;

/**
 * A WebSocket endpoint served on the gateway port, independent of the web server library. The listener decides on
 * each upgrade ({@link #refuse}), then gets one {@link Handler} per accepted socket. Complete text messages are
 * delivered in order on the socket's own virtual thread; a handler must hand long work to other threads so the socket
 * keeps reading.
 */
public interface SocketEndpoint {

    /** The path the endpoint answers on, e.g. {@code /}. */
    String path();

    /**
     * Inspects an upgrade request before it is accepted.
     *
     * @return a reason to refuse it (answered with HTTP 403), or empty to accept
     */
    Optional<String> refuse(Upgrade upgrade);

    /**
     * How to answer an upgrade that {@link #refuse} refused, called on the HTTP path where the client's address is
     * known (so an endpoint can count failed credentials against it). Empty for the listener's generic 403.
     */
    default Optional<Refusal> refusal(Upgrade upgrade, InetSocketAddress remote) {
        return Optional.empty();
    }

    /**
     * The HTTP answer to a refused upgrade, sent as an OpenAI-style error envelope.
     *
     * @param retryAfterSeconds for a {@code Retry-After} header; 0 for none
     */
    record Refusal(int status, String type, String code, String message, long retryAfterSeconds) {}

    /** Called once the socket is open; {@code out} sends to and closes this socket. */
    Handler open(Upgrade upgrade, InetSocketAddress remote, Outbound out);

    /**
     * The upgrade request as seen by the listener.
     *
     * @param headers request headers, names lower-cased, first value of each
     * @param host the {@code Host} header, empty when missing
     */
    record Upgrade(Map<String, String> headers, String host) {

        /** A header by lower-case name. */
        public Optional<String> header(String lowerCaseName) {
            return Optional.ofNullable(headers.get(lowerCaseName));
        }
    }

    /** What a handler may do to its socket. Thread-safe: sends from several threads are serialised. */
    interface Outbound {

        /**
         * Sends one text message. Returns false (and sends nothing) when the socket is closed or the send failed, in
         * which case the socket is closed.
         */
        boolean send(String text);

        /** Sends a close frame with the code and reason and closes the socket; later sends are dropped. */
        void close(int code, String reason);

        /** True until the socket closed. */
        boolean isOpen();
    }

    /** One socket's message handler. */
    interface Handler {

        /** A complete text message. */
        void onText(String message);

        /** The largest text message accepted now; a larger one closes the socket with 1009. */
        int maxMessageBytes();

        /** The socket closed (by either side, or on error); called once. */
        void onClose(int code, String reason);
    }
}
