package openclaw.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import openclaw.auth.Sha256;

/**
 * Verifies the optional {@code device} block of {@code connect}: an Ed25519 public key (unpadded base64url of the raw
 * 32 bytes, or PEM), {@code id} = hex SHA-256 of the raw key, and a signature over OpenClaw's v3 payload
 * ({@code v3|deviceId|clientId|mode|role|scopes|signedAt|token|nonce|platform|deviceFamily}, the last two
 * {@linkplain #normal normalised}) or the older v2 payload,
 * signed within two minutes of the server clock over this connection's challenge nonce. Stateless.
 */
final class DeviceIdentity {

    /** How far {@code signedAt} may be from the server clock. */
    static final long MAX_SKEW_MS = 120_000;

    /** DER prefix that turns a raw Ed25519 key into an X.509 SubjectPublicKeyInfo. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private DeviceIdentity() {}

    /** The verified device id. */
    record Verified(String deviceId, String publicKey) {}

    /** What the signature must cover besides the device block itself. */
    record Claims(
            String clientId,
            String mode,
            String role,
            List<String> scopes,
            String token,
            String nonce,
            String platform,
            String deviceFamily) {}

    static Verified verify(JsonNode device, Claims claims, long nowMs) {
        String id = text(device, "id");
        String publicKey = text(device, "publicKey");
        String signature = text(device, "signature");
        if (!device.path("nonce").isTextual() || device.path("nonce").asText().isEmpty()) {
            throw deviceError("DEVICE_AUTH_NONCE_REQUIRED", "device.nonce (the connect challenge's nonce) is required");
        }
        String nonce = device.path("nonce").asText();
        if (!device.path("signedAt").canConvertToLong()) {
            throw deviceError("DEVICE_AUTH_INVALID", "device.signedAt must be a number (ms)");
        }
        long signedAt = device.path("signedAt").asLong();
        if (!nonce.equals(claims.nonce())) {
            throw deviceError("DEVICE_AUTH_NONCE_MISMATCH", "device.nonce does not match the connect challenge");
        }
        if (Math.abs(nowMs - signedAt) > MAX_SKEW_MS) {
            throw deviceError("DEVICE_AUTH_SIGNATURE_EXPIRED", "device.signedAt is more than 2 minutes off");
        }
        byte[] raw = rawKey(publicKey);
        if (!HexFormat.of().formatHex(Sha256.digest(raw)).equals(id.toLowerCase(Locale.ROOT))) {
            throw deviceError("DEVICE_AUTH_DEVICE_ID_MISMATCH", "device.id is not the SHA-256 of device.publicKey");
        }
        String base = String.join(
                "|",
                id,
                claims.clientId(),
                claims.mode(),
                claims.role(),
                String.join(",", claims.scopes()),
                Long.toString(signedAt),
                claims.token(),
                nonce);
        String v3 = "v3|" + base + "|" + normal(claims.platform()) + "|" + normal(claims.deviceFamily());
        String v2 = "v2|" + base;
        byte[] sig = decode(signature, "device.signature");
        if (!verifies(raw, v3, sig) && !verifies(raw, v2, sig)) {
            throw deviceError("DEVICE_AUTH_SIGNATURE_INVALID", "device signature does not verify");
        }
        return new Verified(
                id.toLowerCase(Locale.ROOT),
                Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
    }

    private static boolean verifies(byte[] raw, String payload, byte[] sig) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509(raw)));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(payload.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(sig);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] rawKey(String publicKey) {
        if (publicKey.contains("BEGIN PUBLIC KEY")) {
            String body = publicKey.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            byte[] der = Base64.getDecoder().decode(body);
            if (der.length != 44) {
                throw deviceError("DEVICE_AUTH_PUBLIC_KEY_INVALID", "device.publicKey is not an Ed25519 key");
            }
            return java.util.Arrays.copyOfRange(der, 12, 44);
        }
        byte[] raw = decode(publicKey, "device.publicKey");
        if (raw.length != 32) {
            throw deviceError("DEVICE_AUTH_PUBLIC_KEY_INVALID", "device.publicKey must be a raw 32-byte Ed25519 key");
        }
        return raw;
    }

    private static byte[] x509(byte[] raw) {
        byte[] der = new byte[X509_PREFIX.length + raw.length];
        System.arraycopy(X509_PREFIX, 0, der, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, der, X509_PREFIX.length, raw.length);
        return der;
    }

    private static byte[] decode(String value, String what) {
        try {
            return Base64.getUrlDecoder()
                    .decode(value.replace('+', '-').replace('/', '_').replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw deviceError("DEVICE_AUTH_INVALID", what + " is not base64url");
        }
    }

    /**
     * OpenClaw's {@code normalizeDeviceMetadataForAuth}: JavaScript's {@code trim()} (which also drops no-break spaces
     * and the BOM, unlike {@link String#strip()}) and lower case for {@code A-Z} only, so a non-ASCII platform or
     * device family signs the same bytes on both sides.
     */
    static String normal(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && jsWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && jsWhitespace(s.charAt(end - 1))) {
            end--;
        }
        StringBuilder out = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return out.toString();
    }

    /** ECMAScript WhiteSpace and LineTerminator: what {@code String.prototype.trim} removes. */
    private static boolean jsWhitespace(char c) {
        return c == '\t'
                || c == '\n'
                || c == 0x0B
                || c == '\f'
                || c == '\r'
                || c == 0xFEFF
                || c == 0x2028
                || c == 0x2029
                || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    private static String text(JsonNode device, String field) {
        JsonNode v = device.path(field);
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw deviceError("DEVICE_AUTH_INVALID", "device." + field + " is required");
        }
        return v.asText();
    }

    static RpcException deviceError(String code, String message) {
        return RpcException.invalid("device auth failed: " + message)
                .withDetails(Frames.object().put("code", code))
                .closing(1008);
    }
}
