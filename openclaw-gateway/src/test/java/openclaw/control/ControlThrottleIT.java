package openclaw.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failed authentication is throttled per address, loopback and browser origins included. */
class ControlThrottleIT {

    @Test
    void ten_failures_lock_the_address_out_even_for_the_right_token(@TempDir Path home) {
        try (ControlGateway gateway = ControlGateway.start(home, "")) {
            String origin = "http://127.0.0.1:" + gateway.port();
            for (int i = 0; i < 10; i++) {
                try (RawSocket s = RawSocket.open(gateway.port(), Optional.of(origin))) {
                    s.event("connect.challenge");
                    JsonNode res = s.send(RawSocket.connect("guess-" + i, 3, 4)).res("c1");
                    assertThat(res.path("ok").asBoolean()).isFalse();
                }
            }
            try (RawSocket s = RawSocket.open(gateway.port(), Optional.empty())) {
                s.event("connect.challenge");
                JsonNode res = s.send(RawSocket.connect(gateway.token(), 3, 4)).res("c1");
                assertThat(res.path("ok").asBoolean()).isFalse();
                assertThat(res.path("error").path("details").path("code").asText())
                        .isEqualTo("AUTH_RATE_LIMITED");
                assertThat(res.path("error").path("retryable").asBoolean()).isTrue();
                assertThat(res.path("error").path("retryAfterMs").asLong()).isPositive();
            }
        }
    }
}
