package openclaw.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import openclaw.store.KeyValueStore;

/**
 * Device tokens: issued to a device that proved its Ed25519 identity while presenting the shared token, so it can
 * reconnect with {@code auth.deviceToken} (and its signature) alone. Only a SHA-256 hash of each token is stored
 * (namespace {@value #NAMESPACE}); one token per device, replaced on each issue. Thread-safe.
 */
final class DeviceTokens {

    static final String NAMESPACE = "gateway.device-tokens";

    private final KeyValueStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    DeviceTokens(KeyValueStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    String issue(DeviceIdentity.Verified device, String role, List<String> scopes) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var record = Frames.object()
                .put("publicKey", device.publicKey())
                .put("tokenSha256", hash(token))
                .put("role", role)
                .put("issuedAtMs", clock.millis());
        scopes.forEach(record.putArray("scopes")::add);
        store.put(NAMESPACE, device.deviceId(), record.toString());
        return token;
    }

    boolean matches(String deviceId, String token) {
        return store.get(NAMESPACE, deviceId)
                .map(json -> {
                    try {
                        String expected =
                                Frames.MAPPER.readTree(json).path("tokenSha256").asText("");
                        return MessageDigest.isEqual(
                                expected.getBytes(StandardCharsets.US_ASCII),
                                hash(token).getBytes(StandardCharsets.US_ASCII));
                    } catch (java.io.IOException e) {
                        return false;
                    }
                })
                .orElse(false);
    }

    private static String hash(String token) {
        return HexFormat.of().formatHex(DeviceIdentity.sha256(token.getBytes(StandardCharsets.UTF_8)));
    }
}
