package openclaw.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import openclaw.secrets.SecretFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayTokensTest {

    @TempDir
    Path tmp;

    @Test
    void first_start_generates_a_random_token_into_an_owner_only_file() throws Exception {
        Path file = tmp.resolve("credentials/gateway.token");
        GatewayToken token = GatewayTokens.resolveForServer(Optional.empty(), file);
        assertThat(token.source()).isEqualTo(GatewayToken.Source.GENERATED);
        assertThat(token.value()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Files.readString(file).strip()).isEqualTo(token.value());
        assertThat(SecretFiles.mode(file)).isEqualTo("rw-------");
        assertThat(SecretFiles.mode(file.getParent())).isEqualTo("rwx------");
    }

    @Test
    void later_starts_reuse_the_stored_token() {
        Path file = tmp.resolve("gateway.token");
        GatewayToken first = GatewayTokens.resolveForServer(Optional.empty(), file);
        GatewayToken second = GatewayTokens.resolveForServer(Optional.empty(), file);
        assertThat(second.value()).isEqualTo(first.value());
        assertThat(second.source()).isEqualTo(GatewayToken.Source.FILE);
    }

    @Test
    void a_configured_token_wins_and_no_file_is_written() {
        Path file = tmp.resolve("gateway.token");
        GatewayToken token = GatewayTokens.resolveForServer(Optional.of("configured-token-123"), file);
        assertThat(token.source()).isEqualTo(GatewayToken.Source.CONFIG);
        assertThat(file).doesNotExist();
    }

    @Test
    void clients_never_generate_a_token() {
        assertThat(GatewayTokens.read(Optional.empty(), tmp.resolve("none"))).isEmpty();
        assertThat(tmp.resolve("none")).doesNotExist();
    }

    @Test
    void string_form_shows_a_fingerprint_not_the_token() {
        GatewayToken token = new GatewayToken("very-secret-token-value", GatewayToken.Source.CONFIG);
        assertThat(token.toString()).doesNotContain("very-secret").contains("sha256:");
        assertThat(token.fingerprint()).matches("sha256:[0-9a-f]{8}");
    }

    @Test
    void generated_tokens_differ() {
        assertThat(GatewayTokens.generate()).isNotEqualTo(GatewayTokens.generate());
    }
}
