package openclaw.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponsesIT {

    static final String WEATHER_TOOL = """
            {"type":"function","name":"get_weather","description":"Weather for a city",
             "parameters":{"type":"object","properties":{"city":{"type":"string"}}}}""";

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

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return ApiResponses.MAPPER.readTree(r.body());
    }

    static JsonNode create(String body) throws Exception {
        HttpResponse<String> r = gateway.post("/responses", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    static String quote(String s) {
        return ApiResponses.MAPPER.getNodeFactory().textNode(s).toString();
    }

    /** The {@code (event, data)} pairs of an SSE body, and whether it ended with {@code data: [DONE]}. */
    record Sse(List<String> names, List<JsonNode> events, boolean done) {
        List<String> types() {
            return events.stream().map(e -> e.path("type").asText()).toList();
        }
    }

    static Sse sse(String body) throws Exception {
        List<String> names = new ArrayList<>();
        List<JsonNode> events = new ArrayList<>();
        boolean done = false;
        for (String block : body.split("\n\n")) {
            String name = null;
            for (String line : block.split("\n")) {
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.equals("data: [DONE]")) {
                    done = true;
                } else if (line.startsWith("data: ")) {
                    assertThat(done).as("nothing after [DONE]").isFalse();
                    names.add(name);
                    events.add(ApiResponses.MAPPER.readTree(line.substring(6)));
                }
            }
        }
        return new Sse(names, events, done);
    }

    @Test
    void a_string_input_gets_a_completed_response_with_one_message() throws Exception {
        JsonNode r = create("{\"model\":\"openclaw\",\"input\":\"hello\"}");

        assertThat(r.path("id").asText()).startsWith("resp_");
        assertThat(r.path("object").asText()).isEqualTo("response");
        assertThat(r.path("status").asText()).isEqualTo("completed");
        assertThat(r.path("model").asText()).isEqualTo("openclaw");
        assertThat(r.path("store").asBoolean()).isTrue();
        JsonNode out = r.path("output");
        assertThat(out).hasSize(1);
        assertThat(out.get(0).path("type").asText()).isEqualTo("message");
        assertThat(out.get(0).path("role").asText()).isEqualTo("assistant");
        assertThat(out.get(0).path("id").asText()).startsWith("msg_");
        assertThat(out.get(0).path("content").get(0).path("type").asText()).isEqualTo("output_text");
        assertThat(out.get(0).path("content").get(0).path("text").asText()).isEqualTo("echo: hello");
        assertThat(r.path("usage").path("input_tokens").asLong()).isEqualTo(7);
        assertThat(r.path("usage").path("output_tokens").asLong()).isEqualTo(3);
        assertThat(r.path("usage").path("total_tokens").asLong()).isEqualTo(10);
        assertThat(r.has("output_text"))
                .as("an SDK convenience, not on the wire")
                .isFalse();
    }

    @Test
    void instructions_and_developer_messages_reach_the_system_prompt() throws Exception {
        JsonNode r = create("""
                {"model":"openclaw/research-bot","instructions":"Be terse.",
                 "input":[{"role":"developer","content":"Cite sources."},
                          {"type":"message","role":"user","content":[{"type":"input_text","text":"system?"}]}]}""");

        assertThat(r.at("/output/0/content/0/text").asText()).isEqualTo("You research.\n\nBe terse.\n\nCite sources.");
        assertThat(r.path("instructions").asText()).isEqualTo("Be terse.");
    }

    @Test
    void a_stream_sends_the_event_sequence_with_sequence_numbers_and_ends_with_done() throws Exception {
        HttpResponse<String> r =
                gateway.post("/responses", "{\"model\":\"openclaw\",\"input\":\"streaming\",\"stream\":true}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Sse s = sse(r.body());
        assertThat(s.types())
                .containsExactly(
                        "response.created",
                        "response.in_progress",
                        "response.output_item.added",
                        "response.content_part.added",
                        "response.output_text.delta",
                        "response.output_text.delta",
                        "response.output_text.delta",
                        "response.output_text.done",
                        "response.content_part.done",
                        "response.output_item.done",
                        "response.completed");
        assertThat(s.names()).isEqualTo(s.types());
        for (int i = 0; i < s.events().size(); i++) {
            assertThat(s.events().get(i).path("sequence_number").asInt()).isEqualTo(i);
        }
        assertThat(s.done()).isTrue();
        assertThat(r.body()).endsWith("data: [DONE]\n\n");
        assertThat(s.events().get(0).at("/response/status").asText()).isEqualTo("in_progress");
        String deltas = s.events().subList(4, 7).stream()
                .map(e -> e.path("delta").asText())
                .reduce("", String::concat);
        assertThat(deltas).isEqualTo("echo: streaming");
        assertThat(s.events().get(7).path("text").asText()).isEqualTo("echo: streaming");
        JsonNode completed = s.events().getLast().path("response");
        assertThat(completed.path("status").asText()).isEqualTo("completed");
        assertThat(completed.at("/output/0/content/0/text").asText()).isEqualTo("echo: streaming");
        assertThat(s.events().get(2).at("/item/id").asText())
                .isEqualTo(s.events().get(4).path("item_id").asText())
                .isEqualTo(completed.at("/output/0/id").asText());
        assertThat(json(gateway.get("/responses/" + completed.path("id").asText()))
                        .path("status")
                        .asText())
                .isEqualTo("completed");
    }

    @Test
    void a_function_tool_call_round_trips_through_previous_response_id() throws Exception {
        JsonNode first = create("{\"model\":\"openclaw\",\"tools\":[" + WEATHER_TOOL + "],\"input\":"
                + quote("call get_weather {\"city\":\"Paris\"}") + "}");

        assertThat(first.path("status").asText()).isEqualTo("completed");
        JsonNode call = first.path("output").get(0);
        assertThat(call.path("type").asText()).isEqualTo("function_call");
        assertThat(call.path("id").asText()).startsWith("fc_");
        assertThat(call.path("name").asText()).isEqualTo("get_weather");
        assertThat(call.path("arguments").asText()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(call.path("status").asText()).isEqualTo("completed");
        String callId = call.path("call_id").asText();

        JsonNode second = create("{\"model\":\"openclaw\",\"tools\":[" + WEATHER_TOOL + "],\"previous_response_id\":"
                + quote(first.path("id").asText()) + ",\"input\":[{\"type\":\"function_call_output\",\"call_id\":"
                + quote(callId) + ",\"output\":\"sunny\"}]}");

        assertThat(second.at("/output/0/content/0/text").asText()).isEqualTo("tool said: sunny");
        assertThat(second.path("previous_response_id").asText())
                .isEqualTo(first.path("id").asText());

        JsonNode third = create("{\"model\":\"openclaw\",\"previous_response_id\":"
                + quote(second.path("id").asText()) + ",\"input\":\"history?\"}");
        // user, assistant (call), tool result, assistant, user
        assertThat(third.at("/output/0/content/0/text").asText()).isEqualTo("messages: 5");
    }

    @Test
    void a_new_message_while_function_calls_wait_is_rejected_and_unknown_call_ids_too() throws Exception {
        JsonNode first =
                create("{\"model\":\"openclaw\",\"tools\":[" + WEATHER_TOOL + "],\"input\":\"call get_weather {}\"}");
        String prev = quote(first.path("id").asText());

        HttpResponse<String> message = gateway.post(
                "/responses", "{\"model\":\"openclaw\",\"previous_response_id\":" + prev + ",\"input\":\"hi\"}");
        assertThat(message.statusCode()).isEqualTo(400);
        assertThat(json(message).at("/error/message").asText()).contains("No tool output found for function call");

        HttpResponse<String> wrong = gateway.post(
                "/responses",
                "{\"model\":\"openclaw\",\"previous_response_id\":" + prev
                        + ",\"input\":[{\"type\":\"function_call_output\",\"call_id\":\"call_nope\",\"output\":\"x\"}]}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(json(wrong).at("/error/param").asText()).isEqualTo("input");
        assertThat(json(wrong).at("/error/message").asText()).contains("call_nope");
    }

    @Test
    void the_full_conversation_as_input_items_works_without_stored_state() throws Exception {
        JsonNode r = create("{\"model\":\"openclaw\",\"store\":false,\"tools\":[" + WEATHER_TOOL + "],\"input\":["
                + "{\"role\":\"user\",\"content\":\"weather in Oslo?\"},"
                + "{\"type\":\"function_call\",\"id\":\"fc_1\",\"call_id\":\"call_x\",\"name\":\"get_weather\","
                + "\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"},"
                + "{\"type\":\"function_call_output\",\"call_id\":\"call_x\",\"output\":\"rainy\"}]}");

        assertThat(r.at("/output/0/content/0/text").asText()).isEqualTo("tool said: rainy");
        assertThat(r.path("store").asBoolean()).isFalse();
        assertThat(gateway.get("/responses/" + r.path("id").asText()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void a_stream_with_a_tool_call_sends_the_function_call_events() throws Exception {
        HttpResponse<String> r = gateway.post(
                "/responses",
                "{\"model\":\"openclaw\",\"stream\":true,\"tools\":[" + WEATHER_TOOL + "],\"input\":"
                        + quote("call get_weather {\"city\":\"Rome\"}") + "}");

        Sse s = sse(r.body());
        assertThat(s.types())
                .containsExactly(
                        "response.created",
                        "response.in_progress",
                        "response.output_item.added",
                        "response.function_call_arguments.delta",
                        "response.function_call_arguments.done",
                        "response.output_item.done",
                        "response.completed");
        assertThat(s.events().get(2).at("/item/arguments").asText()).isEmpty();
        assertThat(s.events().get(4).path("arguments").asText()).isEqualTo("{\"city\":\"Rome\"}");
        assertThat(s.events().getLast().at("/response/output/0/call_id").asText())
                .isEqualTo(s.events().get(5).at("/item/call_id").asText());
        assertThat(s.done()).isTrue();
    }

    @Test
    void stored_responses_can_be_retrieved_listed_and_deleted() throws Exception {
        JsonNode r = create("{\"model\":\"openclaw\",\"input\":[{\"role\":\"user\",\"content\":\"one\"},"
                + "{\"role\":\"assistant\",\"content\":\"two\"},{\"role\":\"user\",\"content\":\"three\"}]}");
        String id = r.path("id").asText();

        assertThat(json(gateway.get("/responses/" + id))).isEqualTo(r);
        JsonNode items = json(gateway.get("/responses/" + id + "/input_items"));
        assertThat(items.path("object").asText()).isEqualTo("list");
        assertThat(items.path("data").findValuesAsText("text")).containsExactly("three", "two", "one");
        assertThat(items.path("first_id").asText()).startsWith("msg_");
        assertThat(json(gateway.get("/responses/" + id + "/input_items?order=asc&limit=2"))
                        .path("data")
                        .findValuesAsText("text"))
                .containsExactly("one", "two");

        HttpResponse<String> deleted =
                gateway.send(gateway.request("/responses/" + id).DELETE().build());
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(json(deleted).path("deleted").asBoolean()).isTrue();
        assertThat(gateway.get("/responses/" + id).statusCode()).isEqualTo(404);
        assertThat(gateway.send(gateway.request("/responses/" + id).DELETE().build())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void the_same_user_continues_the_same_session() throws Exception {
        create("{\"model\":\"openclaw\",\"user\":\"ada\",\"input\":\"hi\"}");
        JsonNode r = create("{\"model\":\"openclaw\",\"user\":\"ada\",\"input\":\"history?\"}");

        assertThat(r.at("/output/0/content/0/text").asText()).isEqualTo("messages: 3");
        assertThat(r.path("user").asText()).isEqualTo("ada");
    }

    @Test
    void a_failing_model_is_a_500_or_a_failed_event_in_a_stream() throws Exception {
        HttpResponse<String> plain = gateway.post("/responses", "{\"model\":\"openclaw\",\"input\":\"fail\"}");
        assertThat(plain.statusCode()).isEqualTo(500);
        assertThat(json(plain).at("/error/type").asText()).isEqualTo("server_error");

        Sse s = sse(gateway.post("/responses", "{\"model\":\"openclaw\",\"input\":\"fail\",\"stream\":true}")
                .body());
        assertThat(s.types()).containsExactly("response.created", "response.in_progress", "response.failed");
        assertThat(s.events().getLast().at("/response/status").asText()).isEqualTo("failed");
        assertThat(s.events().getLast().at("/response/error/code").asText()).isEqualTo("server_error");
        assertThat(s.done()).isTrue();
    }

    @Test
    void client_mistakes_get_400_or_404_in_the_envelope_naming_the_parameter() throws Exception {
        assertError(gateway.post("/responses", "{not json"), 400, null, "invalid_json");
        assertError(gateway.post("/responses", "{\"input\":\"x\"}"), 400, "model", null);
        assertError(gateway.post("/responses", "{\"model\":\"openclaw\"}"), 400, "input", null);
        assertError(gateway.post("/responses", "{\"model\":\"openclaw\",\"input\":42}"), 400, "input", null);
        assertError(
                gateway.post("/responses", "{\"model\":\"openclaw\",\"input\":\"x\",\"stream\":\"yes\"}"),
                400,
                "stream",
                null);
        assertError(
                gateway.post("/responses", "{\"model\":\"openclaw\",\"input\":\"x\",\"max_output_tokens\":\"many\"}"),
                400,
                "max_output_tokens",
                null);
        assertError(
                gateway.post("/responses", "{\"model\":\"openclaw\",\"input\":\"x\",\"tools\":{}}"),
                400,
                "tools",
                null);
        assertError(
                gateway.post(
                        "/responses",
                        "{\"model\":\"openclaw\",\"input\":\"x\",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]}"),
                400,
                "tools[0].name",
                null);
        assertError(
                gateway.post(
                        "/responses", "{\"model\":\"openclaw\",\"input\":\"x\",\"tools\":[{\"type\":\"web_search\"}]}"),
                400,
                "tools[0].type",
                null);
        assertError(
                gateway.post(
                        "/responses",
                        "{\"model\":\"openclaw\",\"input\":[{\"type\":\"item_reference\",\"id\":\"msg_1\"}]}"),
                400,
                "input[0].type",
                null);
        assertError(
                gateway.post(
                        "/responses",
                        "{\"model\":\"openclaw\",\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_image\"}]}]}"),
                400,
                "input[0].content[0].type",
                null);
        assertError(
                gateway.post(
                        "/responses",
                        "{\"model\":\"openclaw\",\"input\":[{\"role\":\"assistant\",\"content\":\"x\"}]}"),
                400,
                "input",
                null);
        assertError(
                gateway.post("/responses", "{\"model\":\"gpt-4o\",\"input\":\"x\"}"), 404, "model", "model_not_found");
        assertError(
                gateway.post(
                        "/responses",
                        "{\"model\":\"openclaw\",\"input\":\"x\",\"previous_response_id\":\"resp_nope\"}"),
                400,
                "previous_response_id",
                "previous_response_not_found");
        assertError(gateway.get("/responses/resp_nope"), 404, "response_id", null);
        HttpResponse<String> wrongMethod =
                gateway.send(gateway.request("/responses").GET().build());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
    }

    private static void assertError(HttpResponse<String> r, int status, String param, String code) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode e = json(r).path("error");
        assertThat(e.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(e.path("message").asText()).isNotBlank();
        if (param != null) {
            assertThat(e.path("param").asText()).isEqualTo(param);
        }
        if (code != null) {
            assertThat(e.path("code").asText()).isEqualTo(code);
        }
    }

    @Test
    void an_api_key_without_the_chat_scope_may_not_create_responses() throws Exception {
        ApiKeys keys = new ApiKeys(gateway.process.store().keyValues(), java.time.Clock.systemUTC());
        String secret = keys.create("assist-only", Scope.ASSISTANTS).secret();
        HttpRequest request = HttpRequest.newBuilder(java.net.URI.create(gateway.base() + "/responses"))
                .header("Authorization", "Bearer " + secret)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"openclaw\",\"input\":\"x\"}"))
                .build();

        assertThat(gateway.send(request).statusCode()).isEqualTo(403);
    }
}
