package openclaw.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import openclaw.config.AuthMode;

/**
 * Decides whether a caller presented the gateway's credentials. Holds the current mode and token in a volatile
 * immutable snapshot so a config reload can rotate the token while requests are being checked. Comparison is
 * constant-time.
 */
public final class GatewayAuth {

    private volatile Snapshot snapshot;

    /** Mode and expected token bytes; the token is absent only in {@link AuthMode#NONE}. */
    private record Snapshot(AuthMode mode, Optional<byte[]> expected) {}

    public GatewayAuth(AuthMode mode, Optional<GatewayToken> token) {
        this.snapshot = snapshotOf(mode, token);
    }

    /** Replaces mode and token (config hot reload). */
    public void update(AuthMode mode, Optional<GatewayToken> token) {
        this.snapshot = snapshotOf(mode, token);
    }

    /** The current mode. */
    public AuthMode mode() {
        return snapshot.mode();
    }

    /** True when auth is off, or when {@code authorizationHeader} is {@code Bearer <gateway token>}. */
    public boolean authorizeHeader(Optional<String> authorizationHeader) {
        Snapshot s = snapshot;
        if (s.mode() == AuthMode.NONE) {
            return true;
        }
        return authorizationHeader
                .flatMap(GatewayAuth::bearerValue)
                .map(v -> matches(s, v))
                .orElse(false);
    }

    /** True when auth is off or {@code presented} is the gateway token. */
    public boolean authorizeToken(String presented) {
        Snapshot s = snapshot;
        return s.mode() == AuthMode.NONE || matches(s, presented);
    }

    private static boolean matches(Snapshot s, String presented) {
        return s.expected()
                .map(expected -> MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }

    private static Optional<String> bearerValue(String header) {
        String h = header.strip();
        if (h.length() > 7 && h.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return Optional.of(h.substring(7).strip());
        }
        return Optional.empty();
    }

    private static Snapshot snapshotOf(AuthMode mode, Optional<GatewayToken> token) {
        Objects.requireNonNull(mode, "mode");
        if (mode == AuthMode.TOKEN && token.isEmpty()) {
            throw new IllegalArgumentException("token auth needs a token");
        }
        return new Snapshot(mode, token.map(t -> t.value().getBytes(StandardCharsets.UTF_8)));
    }
}
