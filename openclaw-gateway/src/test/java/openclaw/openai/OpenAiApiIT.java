package openclaw.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenAiApiIT {

    @TempDir
    static Path home;

    static ApiGateway gateway;

    @BeforeAll
    static void start() {
        gateway = ApiGateway.start(home.resolve("gw"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return ApiResponses.MAPPER.readTree(r.body());
    }

    private static void assertEnvelope(HttpResponse<String> r, int status, String type) throws Exception {
        assertThat(r.statusCode()).isEqualTo(status);
        JsonNode e = json(r).path("error");
        assertThat(e.path("message").asText()).isNotBlank();
        assertThat(e.path("type").asText()).isEqualTo(type);
        assertThat(e.has("param")).isTrue();
        assertThat(e.has("code")).isTrue();
    }

    @Test
    void health_answers_without_credentials() throws Exception {
        HttpResponse<String> r = gateway.send(HttpRequest.newBuilder(URI.create(gateway.base() + "/health"))
                .GET()
                .build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("ok").asBoolean()).isTrue();
    }

    @Test
    void models_lists_the_default_target_and_every_agent() throws Exception {
        JsonNode list = json(gateway.get("/models"));
        assertThat(list.path("object").asText()).isEqualTo("list");
        assertThat(list.path("data").findValuesAsText("id"))
                .containsExactly("openclaw", "openclaw/main", "openclaw/research-bot");
        assertThat(list.path("data").get(1).path("object").asText()).isEqualTo("model");
        assertThat(list.path("data").get(1).path("owned_by").asText()).isEqualTo("openclaw");

        HttpResponse<String> one = gateway.get("/models/openclaw%2Fresearch-bot");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(json(one).path("id").asText()).isEqualTo("openclaw/research-bot");
        assertThat(gateway.get("/models/openclaw/research-bot").statusCode()).isEqualTo(200);
        assertEnvelope(gateway.get("/models/gpt-4o"), 404, "invalid_request_error");
        assertThat(json(gateway.get("/models/gpt-4o"))
                        .path("error")
                        .path("code")
                        .asText())
                .isEqualTo("model_not_found");
    }

    @Test
    void missing_or_wrong_credentials_get_401_in_the_envelope() throws Exception {
        HttpResponse<String> none = gateway.send(HttpRequest.newBuilder(URI.create(gateway.base() + "/models"))
                .GET()
                .build());
        assertEnvelope(none, 401, "invalid_request_error");
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        HttpResponse<String> wrong = gateway.send(HttpRequest.newBuilder(URI.create(gateway.base() + "/models"))
                .header("Authorization", "Bearer not-the-token")
                .GET()
                .build());
        assertEnvelope(wrong, 401, "invalid_request_error");
        assertThat(wrong.body()).doesNotContain("not-the-token");
    }

    @Test
    void unknown_paths_are_404_and_wrong_methods_405() throws Exception {
        assertEnvelope(gateway.get("/nope"), 404, "invalid_request_error");
        HttpResponse<String> r =
                gateway.send(gateway.request("/models").DELETE().build());
        assertEnvelope(r, 405, "invalid_request_error");
    }

    @Test
    void bodies_over_20_mb_get_413() throws Exception {
        byte[] big = new byte[OpenAiApi.MAX_BODY_BYTES + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        HttpResponse<String> r = gateway.send(gateway.request("/models")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big))
                .build());
        assertEnvelope(r, 413, "invalid_request_error");
    }

    @Test
    void an_api_key_works_within_its_scope_and_gets_403_outside_it() throws Exception {
        ApiKeys keys = new ApiKeys(gateway.process.store().keyValues(), Clock.systemUTC());
        String chat = keys.create("scoped-chat", Scope.CHAT).secret();
        HttpResponse<String> ok = gateway.send(HttpRequest.newBuilder(URI.create(gateway.base() + "/models"))
                .header("Authorization", "Bearer " + chat)
                .GET()
                .build());
        assertThat(ok.statusCode()).isEqualTo(200);

        String assistants = keys.create("scoped-assistants", Scope.ASSISTANTS).secret();
        HttpResponse<String> denied = gateway.send(HttpRequest.newBuilder(URI.create(gateway.base() + "/models"))
                .header("Authorization", "Bearer " + assistants)
                .GET()
                .build());
        assertEnvelope(denied, 403, "permission_error");

        keys.revoke("scoped-chat");
        Thread.sleep(ApiKeys.CACHE_MILLIS + 100);
        HttpResponse<String> revoked = gateway.send(HttpRequest.newBuilder(URI.create(gateway.base() + "/models"))
                .header("Authorization", "Bearer " + chat)
                .GET()
                .build());
        assertEnvelope(revoked, 401, "invalid_request_error");
    }

    @Test
    void requests_are_counted_on_metrics() throws Exception {
        gateway.get("/models");
        String metrics = gateway.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/metrics"))
                                .header("Authorization", "Bearer " + gateway.token())
                                .GET()
                                .build())
                .body();
        assertThat(metrics)
                .containsPattern("openclaw_openai_requests_total\\{endpoint=\"models\",status=\"200\"} [1-9]");
        assertThat(metrics)
                .containsPattern(
                        "openclaw_migration_openai_requests_total\\{client=\"gateway-token\",endpoint=\"models\"} [1-9]");
    }
}
