package openclaw.openai;

import static openclaw.openai.ChatCalls.WEATHER_TOOL;
import static openclaw.openai.ChatCalls.chunks;
import static openclaw.openai.ChatCalls.json;
import static openclaw.openai.ChatCalls.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Client tools through Chat Completions: tool calls out, tool messages back in, streamed and not, with and without a session. */
class ChatCompletionsToolsIT {

    @TempDir
    static Path home;

    static ApiGateway gateway;
    static ChatCalls calls;

    @BeforeAll
    static void start() {
        gateway = ApiGateway.start(home.resolve("gw"));
        calls = new ChatCalls(gateway);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /** A user message the script model answers with a call of {@code get_weather}. */
    private static final String CALL = user("call get_weather {\"city\":\"Paris\"}");

    /** The assistant message of a tool-calls answer, as a client sends it back. */
    private static String assistantWith(JsonNode toolCalls) {
        return "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":" + toolCalls + "}";
    }

    private static String toolMessage(String callId, String content) {
        return "{\"role\":\"tool\",\"tool_call_id\":\"" + callId + "\",\"content\":\"" + content + "\"}";
    }

    private static String request(String extra, String... messages) {
        return "{\"model\":\"openclaw\",\"tools\":" + WEATHER_TOOL + extra + ",\"messages\":["
                + String.join(",", messages) + "]}";
    }

    @Test
    void a_client_tool_call_comes_back_as_tool_calls_and_the_tool_message_continues_the_turn() {
        HttpResponse<String> first = calls.post(request(",\"user\":\"tools-1\"", CALL));

        JsonNode choice = json(first).path("choices").get(0);
        assertThat(choice.path("finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(choice.path("message").get("content").isNull()).isTrue();
        JsonNode call = choice.at("/message/tool_calls/0");
        assertThat(call.path("id").asText()).startsWith("call_");
        assertThat(call.path("type").asText()).isEqualTo("function");
        assertThat(call.at("/function/name").asText()).isEqualTo("get_weather");
        assertThat(call.at("/function/arguments").asText()).isEqualTo("{\"city\":\"Paris\"}");

        HttpResponse<String> second = calls.post(request(
                ",\"user\":\"tools-1\"",
                CALL,
                assistantWith(choice.at("/message/tool_calls")),
                toolMessage(call.path("id").asText(), "sunny")));

        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(json(second).at("/choices/0/message/content").asText()).isEqualTo("tool said: sunny");
        assertThat(json(second).at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    }

    @Test
    void a_streamed_tool_call_is_one_fragment_with_finish_reason_tool_calls_and_the_continuation_streams_too() {
        HttpResponse<String> first = calls.post(request(",\"stream\":true,\"user\":\"tools-2\"", CALL));

        List<JsonNode> chunks = chunks(first.body());
        JsonNode fragment = chunks.stream()
                .filter(c -> c.at("/choices/0/delta").has("tool_calls"))
                .findFirst()
                .orElseThrow()
                .at("/choices/0/delta/tool_calls/0");
        assertThat(fragment.path("index").asInt()).isZero();
        assertThat(fragment.path("id").asText()).startsWith("call_");
        assertThat(fragment.path("type").asText()).isEqualTo("function");
        assertThat(fragment.at("/function/name").asText()).isEqualTo("get_weather");
        assertThat(fragment.at("/function/arguments").asText()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(chunks.getLast().at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");

        String callId = fragment.path("id").asText();
        String toolCalls = "[{\"id\":\"" + callId
                + "\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{}\"}}]";
        HttpResponse<String> second = calls.post(request(
                ",\"stream\":true,\"user\":\"tools-2\"",
                CALL,
                assistantWith(json(toolCalls)),
                toolMessage(callId, "rain")));

        StringBuilder text = new StringBuilder();
        List<JsonNode> next = chunks(second.body());
        next.forEach(c -> text.append(c.at("/choices/0/delta/content").asText("")));
        assertThat(text).hasToString("tool said: rain");
        assertThat(next.getLast().at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    }

    @Test
    void a_stateless_client_continues_with_the_full_history_instead_of_a_session() {
        JsonNode first = json(calls.post(request("", CALL)));
        JsonNode toolCalls = first.at("/choices/0/message/tool_calls");
        String callId = toolCalls.at("/0/id").asText();

        HttpResponse<String> second =
                calls.post(request("", CALL, assistantWith(toolCalls), toolMessage(callId, "foggy")));

        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(json(second).at("/choices/0/message/content").asText()).isEqualTo("tool said: foggy");
    }

    @Test
    void parallel_calls_have_their_own_indexes_and_all_need_an_answer() {
        String call2 = user("call2 get_weather");
        List<JsonNode> chunks =
                chunks(calls.post(request(",\"stream\":true", call2)).body());
        List<JsonNode> fragments = chunks.stream()
                .filter(c -> c.at("/choices/0/delta").has("tool_calls"))
                .map(c -> c.at("/choices/0/delta/tool_calls/0"))
                .toList();
        assertThat(fragments).extracting(f -> f.path("index").asInt()).containsExactly(0, 1);

        JsonNode answer = json(calls.post(request(",\"user\":\"tools-3\"", call2)));
        JsonNode toolCalls = answer.at("/choices/0/message/tool_calls");
        assertThat(toolCalls.size()).isEqualTo(2);
        String a = toolCalls.at("/0/id").asText();
        String b = toolCalls.at("/1/id").asText();

        HttpResponse<String> missing =
                calls.post(request(",\"user\":\"tools-3\"", call2, assistantWith(toolCalls), toolMessage(a, "one")));
        JsonNode error = ChatCalls.error(missing, 400);
        assertThat(error.path("param").asText()).isEqualTo("messages");
        assertThat(error.path("message").asText()).contains("missing results").contains(b);

        HttpResponse<String> both = calls.post(request(
                ",\"user\":\"tools-3\"",
                call2,
                assistantWith(toolCalls),
                toolMessage(a, "one"),
                toolMessage(b, "two")));
        assertThat(json(both).at("/choices/0/message/content").asText()).isEqualTo("tool said: one; two");
    }

    @Test
    void a_tool_result_nobody_waits_for_is_a_400_on_messages() {
        HttpResponse<String> r =
                calls.post(request(",\"user\":\"tools-4\"", user("hi"), toolMessage("call_nope", "x")));
        JsonNode error = ChatCalls.error(r, 400);
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("param").asText()).isEqualTo("messages");

        HttpResponse<String> streamed =
                calls.post(request(",\"stream\":true", user("hi"), toolMessage("call_nope", "x")));
        assertThat(ChatCalls.error(streamed, 400).path("param").asText()).isEqualTo("messages");
    }
}
