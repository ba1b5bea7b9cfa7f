package openclaw.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import openclaw.config.AuthMode;
import org.junit.jupiter.api.Test;

class GatewayAuthTest {

    private static Optional<GatewayToken> token(String v) {
        return Optional.of(new GatewayToken(v, GatewayToken.Source.CONFIG));
    }

    @Test
    void accepts_only_the_bearer_gateway_token() {
        GatewayAuth auth = new GatewayAuth(AuthMode.TOKEN, token("right-token"));
        assertThat(auth.authorizeHeader(Optional.of("Bearer right-token"))).isTrue();
        assertThat(auth.authorizeHeader(Optional.of("bearer right-token"))).isTrue();
        assertThat(auth.authorizeHeader(Optional.of("Bearer wrong-token"))).isFalse();
        assertThat(auth.authorizeHeader(Optional.of("Basic right-token"))).isFalse();
        assertThat(auth.authorizeHeader(Optional.of("Bearer "))).isFalse();
        assertThat(auth.authorizeHeader(Optional.empty())).isFalse();
    }

    @Test
    void mode_none_lets_everyone_in() {
        GatewayAuth auth = new GatewayAuth(AuthMode.NONE, Optional.empty());
        assertThat(auth.authorizeHeader(Optional.empty())).isTrue();
        assertThat(auth.authorizeToken("anything")).isTrue();
    }

    @Test
    void a_reload_rotates_the_token() {
        GatewayAuth auth = new GatewayAuth(AuthMode.TOKEN, token("old-token"));
        auth.update(AuthMode.TOKEN, token("new-token"));
        assertThat(auth.authorizeToken("old-token")).isFalse();
        assertThat(auth.authorizeToken("new-token")).isTrue();
    }

    @Test
    void token_mode_without_a_token_is_a_programming_error() {
        assertThatThrownBy(() -> new GatewayAuth(AuthMode.TOKEN, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
