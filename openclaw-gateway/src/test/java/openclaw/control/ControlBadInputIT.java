package openclaw.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad frames get protocol errors, never crash the gateway, block other sockets or corrupt a session. */
class ControlBadInputIT {

    @TempDir
    Path home;

    @Test
    void malformed_frames_unknown_methods_and_wrong_params_get_error_frames_and_the_socket_keeps_working() {
        try (ControlGateway gateway = ControlGateway.start(home, "");
                RawSocket s = RawSocket.authenticated(gateway.port(), gateway.token())) {
            JsonNode bad = s.send("{oops").next(f -> f.path("type").asText().equals("res"));
            assertThat(bad.path("ok").asBoolean()).isFalse();
            assertThat(bad.path("error").path("code").asText()).isEqualTo("INVALID_REQUEST");
            JsonNode unknown = s.send(RawSocket.req("u", "no.such", "{}")).res("u");
            assertThat(unknown.path("error").path("message").asText()).isEqualTo("unknown method: no.such");
            JsonNode wrongType = s.send(RawSocket.req(
                            "w", "chat.send", "{\"sessionKey\":42,\"message\":\"x\",\"idempotencyKey\":\"i\"}"))
                    .res("w");
            assertThat(wrongType.path("error").path("message").asText())
                    .startsWith("invalid chat.send params:")
                    .contains("sessionKey");
            JsonNode extra = s.send(RawSocket.req("x", "chat.history", "{\"sessionKey\":\"a\",\"bogus\":1}"))
                    .res("x");
            assertThat(extra.path("error").path("message").asText()).contains("unexpected property 'bogus'");
            JsonNode missing = s.send(RawSocket.req("m", "chat.send", "{\"sessionKey\":\"a\",\"message\":\"x\"}"))
                    .res("m");
            assertThat(missing.path("error").path("message").asText()).contains("idempotencyKey");
            JsonNode longKey = s.send(
                            RawSocket.req("k", "chat.history", "{\"sessionKey\":\"" + "k".repeat(600) + "\"}"))
                    .res("k");
            assertThat(longKey.path("ok").asBoolean()).isFalse();
            JsonNode health = s.send(RawSocket.req("h", "health", "{}")).res("h");
            assertThat(health.path("payload").path("ok").asBoolean()).isTrue();
        }
    }

    @Test
    void a_flood_on_one_socket_does_not_block_another_and_the_gateway_stays_up() {
        try (ControlGateway gateway = ControlGateway.start(home, "");
                RawSocket flood = RawSocket.authenticated(gateway.port(), gateway.token());
                RawSocket other = RawSocket.authenticated(gateway.port(), gateway.token())) {
            for (int i = 0; i < 2000; i++) {
                flood.socket.sendText(RawSocket.req("f" + i, "sessions.list", "{}"), true);
            }
            long started = System.nanoTime();
            JsonNode answer = other.send(RawSocket.req("o", "health", "{}")).res("o");
            assertThat(answer.path("ok").asBoolean()).isTrue();
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
            JsonNode last = flood.res("f1999");
            assertThat(last.path("type").asText()).isEqualTo("res");
        }
    }

    @Test
    void a_message_over_the_payload_limit_closes_with_1009_and_other_sockets_are_unaffected() {
        try (ControlGateway gateway = ControlGateway.start(home, "");
                RawSocket big = RawSocket.authenticated(gateway.port(), gateway.token());
                RawSocket other = RawSocket.authenticated(gateway.port(), gateway.token())) {
            big.send(RawSocket.req(
                    "b",
                    "chat.send",
                    "{\"sessionKey\":\"agent:main:main\",\"message\":\"" + "x".repeat(26_300_000)
                            + "\",\"idempotencyKey\":\"big\"}"));
            assertThat(big.awaitClose()).isEqualTo(1009);
            assertThat(other.send(RawSocket.req("h", "health", "{}"))
                            .res("h")
                            .path("ok")
                            .asBoolean())
                    .isTrue();
        }
    }
}
