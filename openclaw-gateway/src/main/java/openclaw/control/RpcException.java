package openclaw.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import openclaw.sdk.OpenClawException;

/**
 * A protocol error for the client: becomes the {@code error} of a {@code res} frame ({@code code}, {@code message},
 * {@code details}, {@code retryable}, {@code retryAfterMs}); with a close code the socket is closed after it is sent.
 */
final class RpcException extends OpenClawException {

    private static final long serialVersionUID = 1L;

    /** Error codes of protocol v3 (v4 adds {@code FORBIDDEN}). */
    static final String INVALID_REQUEST = "INVALID_REQUEST";

    static final String UNAVAILABLE = "UNAVAILABLE";
    static final String FORBIDDEN = "FORBIDDEN";
    static final String AGENT_TIMEOUT = "AGENT_TIMEOUT";

    private final String code;
    private final transient Optional<ObjectNode> details;
    private final OptionalLong retryAfterMs;
    private final OptionalInt closeCode;

    RpcException(
            String code, String message, Optional<ObjectNode> details, OptionalLong retryAfterMs, OptionalInt close) {
        super(message);
        this.code = code;
        this.details = details;
        this.retryAfterMs = retryAfterMs;
        this.closeCode = close;
    }

    /** {@code INVALID_REQUEST} with a message. */
    static RpcException invalid(String message) {
        return new RpcException(INVALID_REQUEST, message, Optional.empty(), OptionalLong.empty(), OptionalInt.empty());
    }

    /** {@code INVALID_REQUEST "invalid <method> params: <problem>"}. */
    static RpcException invalidParams(String method, String problem) {
        return invalid("invalid " + method + " params: " + problem);
    }

    /** A retryable {@code UNAVAILABLE}. */
    static RpcException unavailable(String message, long retryAfterMs) {
        return new RpcException(
                UNAVAILABLE, message, Optional.empty(), OptionalLong.of(retryAfterMs), OptionalInt.empty());
    }

    /** The same error, closing the socket with {@code close} after it is sent. */
    RpcException closing(int close) {
        return new RpcException(code, getMessage(), details, retryAfterMs, OptionalInt.of(close));
    }

    /** The same error with details. */
    RpcException withDetails(ObjectNode newDetails) {
        return new RpcException(code, getMessage(), Optional.of(newDetails), retryAfterMs, closeCode);
    }

    /** The same error, retryable after a delay. */
    RpcException retryAfter(long millis) {
        return new RpcException(code, getMessage(), details, OptionalLong.of(millis), closeCode);
    }

    String code() {
        return code;
    }

    Optional<ObjectNode> details() {
        return details;
    }

    OptionalLong retryAfterMs() {
        return retryAfterMs;
    }

    OptionalInt closeCode() {
        return closeCode;
    }

    /** The {@code error} object of a {@code res} frame. */
    ObjectNode toJson() {
        ObjectNode error = Frames.MAPPER.createObjectNode().put("code", code).put("message", getMessage());
        details.ifPresent(d -> error.set("details", d));
        if (retryAfterMs.isPresent()) {
            error.put("retryable", true).put("retryAfterMs", retryAfterMs.getAsLong());
        }
        return error;
    }
}
