package openclaw.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import openclaw.sdk.OpenClawException;
import openclaw.secrets.SecretFiles;

/**
 * Finds the gateway token: the configured one, else the token file from an earlier start, else a new random token
 * written to the token file (mode 0600). The CLI uses {@link #read} to authenticate to a running gateway with the
 * same token, without ever generating one.
 */
public final class GatewayTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private GatewayTokens() {}

    /** The token a starting gateway uses; may create {@code tokenFile}. */
    public static GatewayToken resolveForServer(Optional<String> configured, Path tokenFile) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return new GatewayToken(configured.get(), GatewayToken.Source.CONFIG);
        }
        Optional<String> stored = readFile(tokenFile);
        if (stored.isPresent()) {
            return new GatewayToken(stored.get(), GatewayToken.Source.FILE);
        }
        String generated = generate();
        SecretFiles.writePrivate(tokenFile, generated + "\n");
        return new GatewayToken(generated, GatewayToken.Source.GENERATED);
    }

    /** The token a client should present: configured, else the token file; empty when neither exists. */
    public static Optional<GatewayToken> read(Optional<String> configured, Path tokenFile) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return Optional.of(new GatewayToken(configured.get(), GatewayToken.Source.CONFIG));
        }
        return readFile(tokenFile).map(v -> new GatewayToken(v, GatewayToken.Source.FILE));
    }

    /** 32 random bytes, URL-safe base64 without padding (43 characters). */
    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Optional<String> readFile(Path tokenFile) {
        if (!Files.isRegularFile(tokenFile)) {
            return Optional.empty();
        }
        try {
            String value = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        } catch (IOException e) {
            throw new OpenClawException("cannot read the gateway token file " + tokenFile + ": " + e.getMessage()
                    + "; fix its permissions or delete it to generate a new token");
        }
    }
}
