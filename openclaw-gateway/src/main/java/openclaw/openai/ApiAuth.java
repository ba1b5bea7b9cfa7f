package openclaw.openai;

import java.time.Duration;
import java.util.Optional;
import openclaw.config.AuthMode;

/**
 * Bearer authentication: the gateway token (scope {@code admin}) or an API key (its own scope). Failures are counted
 * per client address by the gateway's auth throttle; a locked-out address gets 429 with {@code Retry-After}.
 */
final class ApiAuth {

    static final String GATEWAY_TOKEN = "gateway-token";

    private final ApiContext context;

    ApiAuth(ApiContext context) {
        this.context = context;
    }

    /**
     * The caller presenting {@code authorization}.
     *
     * @throws ApiError 401 for missing or unknown credentials, 429 when the address is locked out
     */
    ApiCall.Caller authenticate(Optional<String> authorization, String address) {
        Optional<Duration> locked = context.throttle().lockedOut(address);
        if (locked.isPresent()) {
            throw tooMany(locked.get());
        }
        if (context.auth().mode() != AuthMode.NONE && bearer(authorization).isEmpty()) {
            throw ApiError.unauthorized("You didn't provide an API key. You need to provide your API key in an"
                    + " Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY): the gateway"
                    + " token or a key from 'openclaw apikeys create'.");
        }
        Optional<ApiCall.Caller> caller = identify(authorization);
        if (caller.isPresent()) {
            context.throttle().success(address);
            return caller.get();
        }
        Optional<Duration> lockout = context.throttle().failure(address);
        if (lockout.isPresent()) {
            throw tooMany(lockout.get());
        }
        throw ApiError.unauthorized("Incorrect API key provided. Use the gateway token or a key from 'openclaw apikeys"
                + " create'; list keys with 'openclaw apikeys list'.");
    }

    /**
     * The caller {@code authorization} identifies (any caller when auth is off), without counting anything; empty
     * for missing or unknown credentials.
     */
    Optional<ApiCall.Caller> identify(Optional<String> authorization) {
        if (context.auth().mode() == AuthMode.NONE) {
            return Optional.of(new ApiCall.Caller(GATEWAY_TOKEN, Scope.ADMIN));
        }
        Optional<String> secret = bearer(authorization);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        if (context.auth().authorizeToken(secret.get())) {
            return Optional.of(new ApiCall.Caller(GATEWAY_TOKEN, Scope.ADMIN));
        }
        return context.keys().verify(secret.get()).map(k -> new ApiCall.Caller(k.name(), k.scope()));
    }

    /** The secret of a {@code Bearer} header, if there is a non-blank one. */
    private static Optional<String> bearer(Optional<String> authorization) {
        return authorization
                .map(String::strip)
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip())
                .filter(s -> !s.isEmpty());
    }

    static ApiError tooMany(Duration wait) {
        return ApiError.rateLimited(
                "Too many failed authentication attempts from this address; retry after " + wait.toSeconds() + " s.",
                wait.toSeconds());
    }
}
