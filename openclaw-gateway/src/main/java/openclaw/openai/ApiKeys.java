package openclaw.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import openclaw.auth.Sha256;
import openclaw.sdk.OpenClawException;
import openclaw.store.KeyValueStore;

/**
 * API keys for the OpenAI-compatible API. A key ({@code ocsk_} + 43 random base64url characters) is shown once at
 * creation; only its SHA-256 is stored, under {@value #NAMESPACE}, keyed by the hash so a lookup is one indexed read.
 * Lookups are cached for {@value #CACHE_MILLIS} ms (the CLI revokes from another process). Thread-safe.
 */
public final class ApiKeys {

    /** The key-value namespace holding one entry per key: hash → {name, scope, createdAt}. */
    public static final String NAMESPACE = "openai.apikeys";

    static final String PREFIX = "ocsk_";
    static final long CACHE_MILLIS = 2_000;

    /** A stored key, without its secret. */
    public record ApiKey(String name, Scope scope, Instant createdAt, String hint) {}

    /** A freshly created key: the secret is shown once and never stored. */
    public record Created(ApiKey key, String secret) {}

    private record Cached(Optional<ApiKey> key, long atMillis) {}

    private final KeyValueStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public ApiKeys(KeyValueStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Creates a key.
     *
     * @throws OpenClawException when the name is empty, malformed or already used
     */
    public Created create(String name, Scope scope) {
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new OpenClawException("invalid key name '" + name + "': use 1-64 letters, digits, '.', '_' or '-'");
        }
        if (list().stream().anyMatch(k -> k.name().equals(name))) {
            throw new OpenClawException("an API key named '" + name + "' exists; revoke it first or choose another"
                    + " name (openclaw apikeys list)");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiKey key = new ApiKey(name, scope, clock.instant(), secret.substring(0, PREFIX.length() + 4) + "…");
        store.put(
                NAMESPACE,
                hash(secret),
                ApiResponses.MAPPER
                        .createObjectNode()
                        .put("name", name)
                        .put("scope", scope.label())
                        .put("createdAt", key.createdAt().toString())
                        .put("hint", key.hint())
                        .toString());
        return new Created(key, secret);
    }

    /** Every key, by name. */
    public List<ApiKey> list() {
        List<ApiKey> keys = new ArrayList<>();
        store.list(NAMESPACE).values().forEach(v -> decode(v).ifPresent(keys::add));
        keys.sort(java.util.Comparator.comparing(ApiKey::name));
        return keys;
    }

    /** Revokes the key with this name; false when there is none. */
    public boolean revoke(String name) {
        boolean removed = false;
        for (Map.Entry<String, String> e : store.list(NAMESPACE).entrySet()) {
            if (decode(e.getValue()).map(k -> k.name().equals(name)).orElse(false)) {
                removed |= store.delete(NAMESPACE, e.getKey());
            }
        }
        cache.clear();
        return removed;
    }

    /** The key a presented secret belongs to. */
    public Optional<ApiKey> verify(String secret) {
        if (!secret.startsWith(PREFIX) || secret.length() > 128) {
            return Optional.empty();
        }
        String h = hash(secret);
        long now = clock.millis();
        Cached c = cache.get(h);
        if (c != null && now - c.atMillis() < CACHE_MILLIS) {
            return c.key();
        }
        Optional<ApiKey> key = store.get(NAMESPACE, h).flatMap(ApiKeys::decode);
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(h, new Cached(key, now));
        return key;
    }

    private static Optional<ApiKey> decode(String json) {
        try {
            JsonNode n = ApiResponses.MAPPER.readTree(json);
            return Scope.parse(n.path("scope").asText())
                    .map(s -> new ApiKey(
                            n.path("name").asText(),
                            s,
                            Instant.parse(n.path("createdAt").asText()),
                            n.path("hint").asText()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static String hash(String secret) {
        return Sha256.hex(secret);
    }
}
