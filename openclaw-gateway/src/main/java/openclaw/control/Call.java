package openclaw.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * One request being answered: its id, the caller, and a way to answer early or more than once.
 *
 * @param id the request id
 * @param method the method name
 * @param connection the caller's connection
 */
record Call(String id, String method, ControlConnection connection) {

    /** Returned by a handler that already sent its answers. */
    static final JsonNode SENT = MissingNode.getInstance();

    /** Who is calling. */
    Principal principal() {
        return connection.principal();
    }

    /** Sends an {@code ok} answer now (the handler may answer again later). */
    void respond(JsonNode payload) {
        connection.send(Frames.ok(id, payload));
    }

    /** Sends an error answer carrying a payload too. */
    void respondError(RpcException error, JsonNode payload) {
        connection.send(Frames.error(id, error, payload));
    }
}
