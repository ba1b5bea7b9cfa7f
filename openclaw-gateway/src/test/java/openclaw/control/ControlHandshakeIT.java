package openclaw.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control socket's handshake, limits and origin and auth defences, against a real in-process gateway. */
class ControlHandshakeIT {

    @TempDir
    static Path home;

    static ControlGateway gateway;

    @BeforeAll
    static void start() {
        gateway = ControlGateway.start(home, "[gateway.controlUi]\nallowedOrigins = [\"https://chat.example.com\"]\n");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void the_server_speaks_first_with_a_challenge_and_answers_connect_with_hello_ok() {
        try (RawSocket s = RawSocket.open(gateway.port(), Optional.empty())) {
            JsonNode challenge = s.event("connect.challenge");
            assertThat(challenge.path("payload").path("nonce").asText()).isNotEmpty();
            assertThat(challenge.path("payload").path("ts").asLong()).isPositive();
            JsonNode res = s.send(RawSocket.connect(gateway.token(), 3, 4)).res("c1");
            assertThat(res.path("ok").asBoolean()).isTrue();
            JsonNode hello = res.path("payload");
            assertThat(hello.path("type").asText()).isEqualTo("hello-ok");
            assertThat(hello.path("protocol").asInt()).isEqualTo(4);
            assertThat(hello.path("server").path("connId").asText()).isNotEmpty();
            assertThat(hello.path("features").path("methods").toString())
                    .contains(
                            "chat.send",
                            "chat.history",
                            "chat.abort",
                            "agent",
                            "agent.wait",
                            "sessions.list",
                            "sessions.reset",
                            "sessions.delete",
                            "agents.list",
                            "models.list",
                            "health",
                            "status");
            assertThat(hello.path("snapshot")
                            .path("sessionDefaults")
                            .path("mainSessionKey")
                            .asText())
                    .isEqualTo("agent:main:main");
            assertThat(hello.path("auth").path("role").asText()).isEqualTo("operator");
            assertThat(hello.path("policy").path("tickIntervalMs").asLong()).isEqualTo(30_000);
            assertThat(hello.path("policy").path("maxPayload").asLong()).isEqualTo(26_214_400);
        }
    }

    @Test
    void a_v3_client_gets_protocol_3() {
        try (RawSocket s = RawSocket.open(gateway.port(), Optional.empty())) {
            s.event("connect.challenge");
            JsonNode res = s.send(RawSocket.connect(gateway.token(), 3, 3)).res("c1");
            assertThat(res.path("payload").path("protocol").asInt()).isEqualTo(3);
        }
    }

    @Test
    void a_protocol_mismatch_is_refused_and_closed_with_1002() {
        try (RawSocket s = RawSocket.open(gateway.port(), Optional.empty())) {
            s.event("connect.challenge");
            JsonNode res = s.send(RawSocket.connect(gateway.token(), 5, 6)).res("c1");
            assertThat(res.path("ok").asBoolean()).isFalse();
            assertThat(res.path("error").path("code").asText()).isEqualTo("INVALID_REQUEST");
            assertThat(res.path("error").path("message").asText()).contains("protocol mismatch");
            assertThat(res.path("error")
                            .path("details")
                            .path("expectedProtocol")
                            .asInt())
                    .isEqualTo(4);
            assertThat(s.awaitClose()).isEqualTo(1002);
        }
    }

    @Test
    void a_first_frame_that_is_not_connect_closes_with_1008() {
        try (RawSocket s = RawSocket.open(gateway.port(), Optional.empty())) {
            s.event("connect.challenge");
            s.send(RawSocket.req("1", "health", "{}"));
            assertThat(s.awaitClose()).isEqualTo(1008);
        }
    }

    @Test
    void malformed_json_before_the_handshake_closes_with_1008() {
        try (RawSocket s = RawSocket.open(gateway.port(), Optional.empty())) {
            s.event("connect.challenge");
            s.send("{not json");
            assertThat(s.awaitClose()).isEqualTo(1008);
        }
    }

    @Test
    void a_frame_over_64_KiB_before_the_handshake_closes_with_1009() {
        try (RawSocket s = RawSocket.open(gateway.port(), Optional.empty())) {
            s.event("connect.challenge");
            s.send(RawSocket.req("c1", "connect", "{\"pad\":\"" + "x".repeat(70 * 1024) + "\"}"));
            assertThat(s.awaitClose()).isEqualTo(1009);
        }
    }

    @Test
    void a_wrong_token_is_refused_with_its_code_and_closed_with_1008() {
        try (RawSocket s = RawSocket.open(gateway.port(), Optional.empty())) {
            s.event("connect.challenge");
            JsonNode res = s.send(RawSocket.connect("wrong-token", 3, 4)).res("c1");
            assertThat(res.path("ok").asBoolean()).isFalse();
            assertThat(res.path("error").path("details").path("code").asText()).isEqualTo("AUTH_TOKEN_MISMATCH");
            assertThat(res.toString()).doesNotContain(gateway.token());
            assertThat(s.awaitClose()).isEqualTo(1008);
        }
    }

    @Test
    void a_foreign_browser_origin_is_refused_even_on_loopback() {
        for (String origin : new String[] {"http://evil.example", "http://127.0.0.1:1", "null"}) {
            assertThatThrownBy(() -> RawSocket.open(gateway.port(), Optional.of(origin)))
                    .rootCause()
                    .hasMessageContaining("403");
        }
    }

    @Test
    void the_gateways_own_origin_and_configured_origins_are_accepted() {
        for (String origin : new String[] {
            "http://127.0.0.1:" + gateway.port(), "http://localhost:" + gateway.port(), "https://chat.example.com"
        }) {
            try (RawSocket s = RawSocket.open(gateway.port(), Optional.of(origin))) {
                assertThat(s.event("connect.challenge")
                                .path("payload")
                                .path("nonce")
                                .asText())
                        .isNotEmpty();
            }
        }
    }

    @Test
    void the_token_never_travels_in_the_url_and_a_query_token_does_not_authenticate() {
        try (RawSocket s = RawSocket.open(gateway.port(), Optional.empty())) {
            s.event("connect.challenge");
            JsonNode res = s.send(RawSocket.connect("", 3, 4)).res("c1");
            assertThat(res.path("error").path("details").path("code").asText()).isEqualTo("AUTH_TOKEN_MISSING");
        }
    }
}
