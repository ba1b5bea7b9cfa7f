package openclaw.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Chat Completions requests and SSE parsing for the API tests. */
final class ChatCalls {

    /** A {@code tools} array with one client function, {@code get_weather(city)}. */
    static final String WEATHER_TOOL =
            "[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"description\":\"weather\","
                    + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}}]";

    private final ApiGateway gateway;

    ChatCalls(ApiGateway gateway) {
        this.gateway = gateway;
    }

    static JsonNode json(HttpResponse<String> r) {
        return json(r.body());
    }

    static JsonNode json(String text) {
        try {
            return ApiResponses.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(text, e);
        }
    }

    /** A user message as JSON. */
    static String user(String text) {
        return "{\"role\":\"user\",\"content\":" + ApiResponses.MAPPER.valueToTree(text) + "}";
    }

    HttpResponse<String> post(String body) {
        return gateway.post("/chat/completions", body);
    }

    HttpResponse<String> post(String body, String header, String value) {
        return gateway.send(gateway.request("/chat/completions")
                .header("Content-Type", "application/json")
                .header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Asks {@code model} one message and returns the answer's content; {@code extra} adds fields (",\"user\":…"). */
    String ask(String model, String text, String extra) {
        HttpResponse<String> r = post("{\"model\":\"" + model + "\",\"messages\":[" + user(text) + "]" + extra + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).at("/choices/0/message/content").asText();
    }

    /** The {@code data:} payloads of an SSE body, in order; fails on any {@code event:} line. */
    static List<String> events(String body) {
        List<String> data = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            if (block.isBlank()) {
                continue;
            }
            assertThat(block).startsWith("data: ").doesNotContain("event:");
            data.add(block.substring("data: ".length()).strip());
        }
        return data;
    }

    /** The JSON chunks of an SSE body that ends with {@code [DONE]}. */
    static List<JsonNode> chunks(String body) {
        List<String> data = events(body);
        assertThat(data).isNotEmpty();
        assertThat(data.getLast()).isEqualTo("[DONE]");
        return data.subList(0, data.size() - 1).stream().map(ChatCalls::json).toList();
    }

    /** The error envelope's fields, asserting the status and that all four keys are present. */
    static JsonNode error(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode e = json(r).path("error");
        assertThat(e.path("message").asText()).isNotBlank();
        assertThat(e.has("type")).isTrue();
        assertThat(e.has("param")).isTrue();
        assertThat(e.has("code")).isTrue();
        return e;
    }
}
