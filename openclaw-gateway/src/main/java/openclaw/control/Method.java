package openclaw.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * One RPC method: the scope it needs, the params it accepts, and its handler. A handler returns the payload of its
 * {@code res}, or {@link Call#SENT} when it answered by itself (the {@code agent} method answers twice).
 *
 * @param name the method name, e.g. {@code chat.send}
 * @param scope the operator scope a caller needs
 * @param fields the params properties it accepts
 * @param handler what it does
 */
record Method(String name, String scope, Set<String> fields, Handler handler) {

    /** A method's behaviour. */
    @FunctionalInterface
    interface Handler {

        /** Answers a call; throws {@link RpcException} for protocol errors. */
        JsonNode handle(Call call, Params params);
    }
}
