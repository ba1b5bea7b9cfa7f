package openclaw.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import openclaw.auth.Sha256;
import openclaw.store.KeyValueStore;

/**
 * Device tokens: issued to a device that proved its Ed25519 identity while presenting the shared token, so it can
 * reconnect with {@code auth.deviceToken} (and its signature) alone, for the role and scopes it was granted. Only a
 * SHA-256 hash of each token is stored (namespace {@value #NAMESPACE}), up to {@value #MAX_TOKENS} per device. A token
 * is issued only when none of the device's covers the role and scopes asked for (then with the union of the old and new
 * scopes), and issuing one does not revoke the others, so neither a connect that keeps no tokens (OpenClaw's read-only
 * probes) nor another client store of the same device (the CLI and the TUI keep theirs apart) invalidates a stored
 * token.
 * Thread-safe.
 */
final class DeviceTokens {

    static final String NAMESPACE = "gateway.device-tokens";

    /** Tokens kept per device (one per client store that asked for a wider grant); the oldest goes first. */
    static final int MAX_TOKENS = 8;

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

    /** A new token for the device when none of its tokens covers {@code role} and {@code scopes}; else empty. */
    Optional<String> issueIfNeeded(DeviceIdentity.Verified device, String role, List<String> scopes) {
        List<Entry> entries = new ArrayList<>(entries(device.deviceId()).stream()
                .filter(e -> e.publicKey().equals(device.publicKey()))
                .toList());
        if (entries.stream().anyMatch(e -> e.grant().covers(role, scopes))) {
            return Optional.empty();
        }
        Set<String> union = new LinkedHashSet<>();
        entries.stream()
                .filter(e -> e.grant().role().equals(role))
                .forEach(e -> union.addAll(e.grant().scopes()));
        union.addAll(scopes);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        entries.add(new Entry(device.publicKey(), hash(token), new Grant(role, List.copyOf(union)), clock.millis()));
        while (entries.size() > MAX_TOKENS) {
            entries.remove(0);
        }
        var record = Frames.object();
        var list = record.putArray("tokens");
        for (Entry e : entries) {
            var item = list.addObject()
                    .put("publicKey", e.publicKey())
                    .put("tokenSha256", e.tokenSha256())
                    .put("role", e.grant().role())
                    .put("issuedAtMs", e.issuedAtMs());
            e.grant().scopes().forEach(item.putArray("scopes")::add);
        }
        store.put(NAMESPACE, device.deviceId(), record.toString());
        return Optional.of(token);
    }

    /** The grant of the device token {@code token}, if it is one of the device's. */
    Optional<Grant> matches(String deviceId, String token) {
        byte[] wanted = hash(token).getBytes(StandardCharsets.US_ASCII);
        return entries(deviceId).stream()
                .filter(e -> MessageDigest.isEqual(e.tokenSha256().getBytes(StandardCharsets.US_ASCII), wanted))
                .map(Entry::grant)
                .findFirst();
    }

    /** One stored token (its hash) and what it allows. */
    private record Entry(String publicKey, String tokenSha256, Grant grant, long issuedAtMs) {}

    /** The device's tokens, oldest first; a record of the older one-token form counts as one entry. */
    private List<Entry> entries(String deviceId) {
        Optional<JsonNode> record = store.get(NAMESPACE, deviceId).flatMap(json -> {
            try {
                return Optional.of(Frames.MAPPER.readTree(json));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
        if (record.isEmpty()) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        JsonNode tokens = record.get().has("tokens")
                ? record.get().path("tokens")
                : Frames.MAPPER.createArrayNode().add(record.get());
        for (JsonNode t : tokens) {
            List<String> scopes = new ArrayList<>();
            t.path("scopes").forEach(x -> scopes.add(x.asText()));
            entries.add(new Entry(
                    t.path("publicKey").asText(),
                    t.path("tokenSha256").asText(""),
                    new Grant(t.path("role").asText("operator"), List.copyOf(scopes)),
                    t.path("issuedAtMs").asLong()));
        }
        return entries;
    }

    private static String hash(String token) {
        return Sha256.hex(token);
    }
}
