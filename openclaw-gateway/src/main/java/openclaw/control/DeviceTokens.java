package openclaw.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import openclaw.store.KeyValueStore;

/**
 * Device tokens: issued to a device that proved its Ed25519 identity while presenting the shared token, so it can
 * reconnect with {@code auth.deviceToken} (and its signature) alone, for the role and scopes it was granted. Only a
 * SHA-256 hash of each token is stored (namespace {@value #NAMESPACE}), one token per device. A token is issued only
 * when the device has none that covers the role and scopes asked for (then with the union of the old and new scopes),
 * so a connect that does not keep tokens (OpenClaw's read-only probes) never invalidates the one the device stored.
 * Thread-safe.
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

    /** What a device token allows. */
    record Grant(String role, List<String> scopes) {

        /** Whether this grant covers {@code role} with every one of {@code wanted}. */
        boolean covers(String wantedRole, List<String> wanted) {
            return role.equals(wantedRole) && wanted.stream().allMatch(s -> Principal.covers(scopes, s));
        }
    }

    /** A new token for the device when it has none covering {@code role} and {@code scopes}; else empty. */
    Optional<String> issueIfNeeded(DeviceIdentity.Verified device, String role, List<String> scopes) {
        Optional<JsonNode> current = record(device.deviceId())
                .filter(r -> r.path("publicKey").asText().equals(device.publicKey()));
        Optional<Grant> grant = current.map(DeviceTokens::grant);
        if (grant.isPresent() && grant.get().covers(role, scopes)) {
            return Optional.empty();
        }
        Set<String> union = new LinkedHashSet<>();
        grant.filter(g -> g.role().equals(role)).ifPresent(g -> union.addAll(g.scopes()));
        union.addAll(scopes);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var record = Frames.object()
                .put("publicKey", device.publicKey())
                .put("tokenSha256", hash(token))
                .put("role", role)
                .put("issuedAtMs", clock.millis());
        union.forEach(record.putArray("scopes")::add);
        store.put(NAMESPACE, device.deviceId(), record.toString());
        return Optional.of(token);
    }

    /** The grant of the device's token when {@code token} is it. */
    Optional<Grant> matches(String deviceId, String token) {
        return record(deviceId)
                .filter(r -> MessageDigest.isEqual(
                        r.path("tokenSha256").asText("").getBytes(StandardCharsets.US_ASCII),
                        hash(token).getBytes(StandardCharsets.US_ASCII)))
                .map(DeviceTokens::grant);
    }

    private Optional<JsonNode> record(String deviceId) {
        return store.get(NAMESPACE, deviceId).flatMap(json -> {
            try {
                return Optional.of(Frames.MAPPER.readTree(json));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    private static Grant grant(JsonNode record) {
        List<String> scopes = new ArrayList<>();
        record.path("scopes").forEach(s -> scopes.add(s.asText()));
        return new Grant(record.path("role").asText("operator"), List.copyOf(scopes));
    }

    private static String hash(String token) {
        return HexFormat.of().formatHex(DeviceIdentity.sha256(token.getBytes(StandardCharsets.UTF_8)));
    }
}
