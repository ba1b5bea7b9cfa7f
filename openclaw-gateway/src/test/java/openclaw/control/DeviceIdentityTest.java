package openclaw.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Device signatures made by the real OpenClaw 2026.9.6 client code ({@code buildDeviceAuthPayloadV3},
 * {@code signDevicePayload} and {@code publicKeyRawBase64UrlFromPem} from its npm package, one generated identity, a
 * fixed time and nonces; tokens are test strings), checked by {@link DeviceIdentity}.
 */
class DeviceIdentityTest {

    private static final String ID = "bd7a2ed965410a0ebd33e3f9481c6397952ea178d6da1e305e16583c5fc8c597";
    private static final String KEY = "Jc3GLn8bXgAlMdV1atlursFD3t9V9qjJhX2musMI1ko";
    private static final long SIGNED_AT = 1_795_239_115_561L;

    private static JsonNode device(String signature, String nonce) {
        return Frames.object()
                .put("id", ID)
                .put("publicKey", KEY)
                .put("signature", signature)
                .put("signedAt", SIGNED_AT)
                .put("nonce", nonce);
    }

    @Test
    void a_signature_of_the_real_cli_over_the_shared_token_verifies() {
        JsonNode device = device(
                "78RBWLTdP6n9mlroBWKytTtbypzMZXe7nKp2Kjwa7iHuti5hYGCE7b5hZ8JcLoGDA0cqcqo9cH6ODkcabpH8BQ",
                "nonce-cli-token");
        DeviceIdentity.Claims claims = new DeviceIdentity.Claims(
                "cli",
                "cli",
                "operator",
                List.of("operator.write"),
                "test-gateway-token",
                "nonce-cli-token",
                "linux",
                "Linux");

        DeviceIdentity.Verified verified = DeviceIdentity.verify(device, claims, SIGNED_AT + 1_000);

        assertThat(verified.deviceId()).isEqualTo(ID);
        assertThat(verified.publicKey()).isEqualTo(KEY);
    }

    @Test
    void a_signature_of_the_real_cli_over_a_device_token_verifies() {
        JsonNode device = device(
                "2HkO9fvXWD9eoZ7Quifi2Fn6ZUS4WwqKCkv9pZPprFEHaeQ0DvItNr3pJf5of9WhS_RBScCtZ-hZcB5ri0TjDw",
                "nonce-device-token");
        DeviceIdentity.Claims claims = new DeviceIdentity.Claims(
                "cli",
                "cli",
                "operator",
                List.of("operator.read", "operator.write"),
                "test-device-token",
                "nonce-device-token",
                "linux",
                "Linux");

        assertThat(DeviceIdentity.verify(device, claims, SIGNED_AT).deviceId()).isEqualTo(ID);
    }

    @Test
    void non_ascii_platform_and_device_family_are_normalised_as_the_javascript_client_does() {
        // JS trim() drops the no-break space; only A-Z are lower-cased, so "İ" and "Ü" stay as they are
        JsonNode device = device(
                "3Y076wkBSEsMz1_PP1PPiNgSC8Opojcyx5g2AQ2o1iHthtdOpWBgg2Cxs86vhtny75pZqFwz77v07AeNs9KkDQ",
                "nonce-non-ascii");
        DeviceIdentity.Claims claims = new DeviceIdentity.Claims(
                "openclaw-macos",
                "ui",
                "operator",
                List.of(),
                "",
                "nonce-non-ascii",
                " MacOS\u00a0",
                "\u0130Pad \u00dcnix");

        assertThat(DeviceIdentity.verify(device, claims, SIGNED_AT).deviceId()).isEqualTo(ID);
        assertThat(DeviceIdentity.normal(" MacOS\u00a0")).isEqualTo("macos");
        assertThat(DeviceIdentity.normal("\u0130Pad \u00dcnix")).isEqualTo("\u0130pad \u00dcnix");
    }

    @Test
    void the_same_signature_with_other_scopes_or_token_or_too_late_is_refused() {
        JsonNode device = device(
                "78RBWLTdP6n9mlroBWKytTtbypzMZXe7nKp2Kjwa7iHuti5hYGCE7b5hZ8JcLoGDA0cqcqo9cH6ODkcabpH8BQ",
                "nonce-cli-token");
        DeviceIdentity.Claims admin = new DeviceIdentity.Claims(
                "cli",
                "cli",
                "operator",
                List.of("operator.admin"),
                "test-gateway-token",
                "nonce-cli-token",
                "linux",
                "Linux");
        DeviceIdentity.Claims otherToken = new DeviceIdentity.Claims(
                "cli",
                "cli",
                "operator",
                List.of("operator.write"),
                "another-token",
                "nonce-cli-token",
                "linux",
                "Linux");
        DeviceIdentity.Claims right = new DeviceIdentity.Claims(
                "cli",
                "cli",
                "operator",
                List.of("operator.write"),
                "test-gateway-token",
                "nonce-cli-token",
                "linux",
                "Linux");

        assertThatThrownBy(() -> DeviceIdentity.verify(device, admin, SIGNED_AT))
                .hasMessageContaining("signature does not verify");
        assertThatThrownBy(() -> DeviceIdentity.verify(device, otherToken, SIGNED_AT))
                .hasMessageContaining("signature does not verify");
        assertThatThrownBy(() -> DeviceIdentity.verify(device, right, SIGNED_AT + DeviceIdentity.MAX_SKEW_MS + 1))
                .hasMessageContaining("more than 2 minutes");
    }
}
