package openclaw.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private final Redactor redactor = Redactor.standard();

    @Test
    void masks_bearer_tokens() {
        assertThat(redactor.redact("Authorization: Bearer abc.DEF-123_x"))
                .isEqualTo("Authorization: Bearer ***")
                .doesNotContain("abc.DEF");
    }

    @Test
    void masks_key_value_credentials_in_urls_json_and_text() {
        assertThat(redactor.redact("GET /x?token=s3cr3tvalue&a=1")).isEqualTo("GET /x?token=***&a=1");
        assertThat(redactor.redact("{\"apiKey\": \"k-123456789\"}")).doesNotContain("k-123456789");
        assertThat(redactor.redact("password=hunter22 user=bob")).isEqualTo("password=*** user=bob");
    }

    @Test
    void masks_openai_style_keys_and_url_passwords() {
        assertThat(redactor.redact("key sk-proj-ABCDEFGH12345678 used")).isEqualTo("key *** used");
        assertThat(redactor.redact("jdbc:postgresql://bob:pa55word@db:5432/x"))
                .isEqualTo("jdbc:postgresql://bob:***@db:5432/x");
    }

    @Test
    void masks_known_secret_values_anywhere() {
        Redactor r = redactor.withSecrets(Set.of("Zq8_loooong-gateway-token"), List.of());
        assertThat(r.redact("connect with Zq8_loooong-gateway-token please")).isEqualTo("connect with *** please");
    }

    @Test
    void ignores_very_short_values_to_keep_text_readable() {
        Redactor r = redactor.withSecrets(Set.of("abc"), List.of());
        assertThat(r.redact("abc def")).isEqualTo("abc def");
    }

    @Test
    void applies_extra_patterns_from_config() {
        Redactor r = redactor.withSecrets(Set.of(), List.of("ACME-[0-9]{4}"));
        assertThat(r.redact("id ACME-1234 ok")).isEqualTo("id *** ok");
    }

    @Test
    void rejects_extra_patterns_that_do_not_compile() {
        assertThatThrownBy(() -> redactor.withSecrets(Set.of(), List.of("(unclosed")))
                .isInstanceOf(PatternSyntaxException.class);
    }

    @Test
    void leaves_ordinary_text_alone() {
        assertThat(redactor.redact("gateway listening on http://127.0.0.1:18789"))
                .isEqualTo("gateway listening on http://127.0.0.1:18789");
        assertThat(redactor.redact(null)).isEmpty();
    }
}
