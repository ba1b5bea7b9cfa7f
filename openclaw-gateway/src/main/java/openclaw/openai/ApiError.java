package openclaw.openai;

import java.util.Objects;
import java.util.Optional;
import openclaw.sdk.OpenClawException;

/**
 * A request the API answers with an error in the OpenAI envelope {@code {"error":{"message","type","param","code"}}}.
 *
 * @see ApiResponses#error
 */
public final class ApiError extends OpenClawException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final transient Optional<String> param;
    private final transient Optional<String> code;
    private final long retryAfterSeconds;

    private ApiError(
            int status,
            String type,
            String message,
            Optional<String> param,
            Optional<String> code,
            long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.type = Objects.requireNonNull(type, "type");
        this.param = param;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 400 {@code invalid_request_error}, naming the offending parameter. */
    public static ApiError invalid(String param, String message) {
        return new ApiError(400, "invalid_request_error", message, Optional.of(param), Optional.empty(), 0);
    }

    /** 400 {@code invalid_request_error} naming the parameter, with a code (e.g. {@code previous_response_not_found}). */
    public static ApiError invalid(String param, String code, String message) {
        return new ApiError(400, "invalid_request_error", message, Optional.of(param), Optional.of(code), 0);
    }

    /** 400 {@code invalid_request_error} with a code and no parameter. */
    public static ApiError invalidCode(String code, String message) {
        return new ApiError(400, "invalid_request_error", message, Optional.empty(), Optional.of(code), 0);
    }

    /** 401: missing or unknown credentials. */
    public static ApiError unauthorized(String message) {
        return new ApiError(401, "invalid_request_error", message, Optional.empty(), Optional.of("invalid_api_key"), 0);
    }

    /** 403: the credentials lack a scope. */
    public static ApiError forbidden(String message) {
        return new ApiError(403, "permission_error", message, Optional.empty(), Optional.of("insufficient_scope"), 0);
    }

    /** 404 for an object that does not exist. */
    public static ApiError notFound(String param, String code, String message) {
        return new ApiError(404, "invalid_request_error", message, Optional.of(param), Optional.of(code), 0);
    }

    /** 404 for a path the API does not have. */
    public static ApiError unknownUrl(String method, String path) {
        return new ApiError(
                404,
                "invalid_request_error",
                "Unknown request URL: " + method + " " + path + ". Please check the URL for typos.",
                Optional.empty(),
                Optional.of("unknown_url"),
                0);
    }

    /** 405 for a known path with another method. */
    public static ApiError methodNotAllowed(String method, String path) {
        return new ApiError(
                405,
                "invalid_request_error",
                "Method " + method + " is not allowed for " + path,
                Optional.empty(),
                Optional.of("method_not_allowed"),
                0);
    }

    /** 400 for an object in the wrong state (e.g. a run that is not waiting for tool outputs). */
    public static ApiError wrongState(String param, String message) {
        return new ApiError(400, "invalid_request_error", message, Optional.of(param), Optional.of("invalid_state"), 0);
    }

    /** 429 with {@code Retry-After}. */
    public static ApiError rateLimited(String message, long retryAfterSeconds) {
        return new ApiError(
                429,
                "rate_limit_exceeded",
                message,
                Optional.empty(),
                Optional.of("rate_limit_exceeded"),
                Math.max(1, retryAfterSeconds));
    }

    /** 500 for a failure of the gateway or its model, with a message safe to show. */
    public static ApiError server(String message) {
        return new ApiError(500, "server_error", message, Optional.empty(), Optional.of("server_error"), 0);
    }

    /** 503 while the gateway starts or drains. */
    public static ApiError unavailable(String message) {
        return new ApiError(503, "server_error", message, Optional.empty(), Optional.of("unavailable"), 0);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public Optional<String> param() {
        return param;
    }

    public Optional<String> code() {
        return code;
    }

    /** Seconds for {@code Retry-After}, 0 when none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
