package openclaw.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
}
