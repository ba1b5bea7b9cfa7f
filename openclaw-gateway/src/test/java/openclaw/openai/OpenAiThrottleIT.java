package openclaw.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenAiThrottleIT {

    @TempDir
    Path home;

    @Test
    void ten_failed_keys_lock_the_address_out_with_429_and_retry_after_even_for_the_right_token() throws Exception {
        try (ApiGateway gateway = ApiGateway.start(home.resolve("gw"))) {
            HttpRequest wrong = HttpRequest.newBuilder(URI.create(gateway.base() + "/models"))
                    .header("Authorization", "Bearer wrong")
                    .GET()
                    .build();
            for (int i = 0; i < 9; i++) {
                assertThat(gateway.send(wrong).statusCode()).isEqualTo(401);
            }
            HttpResponse<String> tenth = gateway.send(wrong);
            assertThat(tenth.statusCode()).isEqualTo(429);
            assertThat(tenth.headers().firstValue("Retry-After")).get().satisfies(v -> assertThat(Long.parseLong(v))
                    .isBetween(1L, 300L));
            assertThat(ApiResponses.MAPPER
                            .readTree(tenth.body())
                            .path("error")
                            .path("type")
                            .asText())
                    .isEqualTo("rate_limit_exceeded");

            HttpResponse<String> right = gateway.get("/models");
            assertThat(right.statusCode()).isEqualTo(429);
            assertThat(right.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    void failed_responses_socket_upgrades_count_too_and_a_locked_out_address_gets_no_socket() throws Exception {
        try (ApiGateway gateway = ApiGateway.start(home.resolve("ws"))) {
            for (int i = 0; i < 9; i++) {
                ResponsesSocketIT.assertRefused(401, () -> ResponsesSocketIT.Client.connect(gateway, "wrong"));
            }
            ResponsesSocketIT.assertRefused(429, () -> ResponsesSocketIT.Client.connect(gateway, "wrong"));

            // the right token still upgrades, but the socket only says why it closes
            try (ResponsesSocketIT.Client client = ResponsesSocketIT.Client.connect(gateway, gateway.token())) {
                JsonNode error = client.next();
                assertThat(error.path("type").asText()).isEqualTo("error");
                assertThat(error.path("status").asInt()).isEqualTo(429);
                assertThat(error.at("/error/code").asText()).isEqualTo("rate_limit_exceeded");
                assertThat(client.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
            }
            assertThat(gateway.get("/models").statusCode()).isEqualTo(429); // shared with the HTTP API
        }
    }
}
