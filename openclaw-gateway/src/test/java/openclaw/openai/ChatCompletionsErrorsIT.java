package openclaw.openai;

import static openclaw.openai.ChatCalls.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Client mistakes on {@code POST /v1/chat/completions} get the OpenAI error envelope with a 4xx, never a 500. */
class ChatCompletionsErrorsIT {

    @TempDir
    static Path home;

    static ApiGateway gateway;
    static ChatCalls calls;

    @BeforeAll
    static void start() {
        gateway = ApiGateway.start(
                home.resolve("gw"), ApiGateway.TOML + "\n[agents.timer]\ntools = [\"current_time\"]\n");
        calls = new ChatCalls(gateway);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static final String HI = "\"messages\":[" + user("hi") + "]";

    /** Posts {@code body}, asserts a 400 {@code invalid_request_error} and returns its {@code param}. */
    private static String badParam(String body) {
        JsonNode e = ChatCalls.error(calls.post(body), 400);
        assertThat(e.path("type").asText()).isEqualTo("invalid_request_error");
        return e.path("param").asText();
    }

    @Test
    void malformed_json_and_non_object_bodies_are_400_invalid_json() {
        assertThat(ChatCalls.error(calls.post("{\"model\":"), 400).path("code").asText())
                .isEqualTo("invalid_json");
        assertThat(ChatCalls.error(calls.post("[1,2]"), 400).path("code").asText())
                .isEqualTo("invalid_json");
        assertThat(ChatCalls.error(calls.post(""), 400).path("code").asText()).isEqualTo("invalid_json");
    }

    @Test
    void missing_model_or_messages_name_the_parameter() {
        assertThat(badParam("{" + HI + "}")).isEqualTo("model");
        assertThat(badParam("{\"model\":\"openclaw\"}")).isEqualTo("messages");
        assertThat(badParam("{\"model\":\"openclaw\",\"messages\":[]}")).isEqualTo("messages");
    }

    @Test
    void known_fields_of_the_wrong_type_name_the_parameter() {
        assertThat(badParam("{\"model\":\"openclaw\",\"messages\":\"hi\"}")).isEqualTo("messages");
        assertThat(badParam("{\"model\":42," + HI + "}")).isEqualTo("model");
        assertThat(badParam("{\"model\":\"openclaw\",\"stream\":\"yes\"," + HI + "}"))
                .isEqualTo("stream");
        assertThat(badParam("{\"model\":\"openclaw\",\"temperature\":\"hot\"," + HI + "}"))
                .isEqualTo("temperature");
        assertThat(badParam("{\"model\":\"openclaw\",\"temperature\":3," + HI + "}"))
                .isEqualTo("temperature");
        assertThat(badParam("{\"model\":\"openclaw\",\"max_tokens\":0," + HI + "}"))
                .isEqualTo("max_tokens");
        assertThat(badParam("{\"model\":\"openclaw\",\"max_completion_tokens\":1.5," + HI + "}"))
                .isEqualTo("max_completion_tokens");
        assertThat(badParam("{\"model\":\"openclaw\",\"user\":7," + HI + "}")).isEqualTo("user");
        assertThat(badParam("{\"model\":\"openclaw\",\"stop\":[1]," + HI + "}")).isEqualTo("stop[0]");
        assertThat(badParam("{\"model\":\"openclaw\",\"stream_options\":{\"include_usage\":true}," + HI + "}"))
                .isEqualTo("stream_options");
        assertThat(badParam(
                        "{\"model\":\"openclaw\",\"stream\":true,\"stream_options\":{\"include_usage\":1}," + HI + "}"))
                .isEqualTo("stream_options.include_usage");
        assertThat(badParam("{\"model\":\"openclaw\",\"reasoning_effort\":\"max\"," + HI + "}"))
                .isEqualTo("reasoning_effort");
    }

    @Test
    void messages_are_validated_element_by_element() {
        assertThat(badParam("{\"model\":\"openclaw\",\"messages\":[\"hi\"]}")).isEqualTo("messages[0]");
        assertThat(badParam("{\"model\":\"openclaw\",\"messages\":[{\"content\":\"hi\"}]}"))
                .isEqualTo("messages[0].role");
        assertThat(badParam("{\"model\":\"openclaw\",\"messages\":[{\"role\":\"robot\",\"content\":\"hi\"}]}"))
                .isEqualTo("messages[0].role");
        assertThat(badParam("{\"model\":\"openclaw\",\"messages\":[{\"role\":\"user\",\"content\":5}]}"))
                .isEqualTo("messages[0].content");
        assertThat(badParam("{\"model\":\"openclaw\",\"messages\":[{\"role\":\"user\"}]}"))
                .isEqualTo("messages[0].content");
        assertThat(badParam("{\"model\":\"openclaw\",\"messages\":[" + user("a")
                        + ",{\"role\":\"tool\",\"content\":\"x\"}]}"))
                .isEqualTo("messages[1].tool_call_id");
        assertThat(badParam("{\"model\":\"openclaw\",\"messages\":[" + user("a")
                        + ",{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"function\":{\"name\":\"f\"}}]},"
                        + user("b") + "]}"))
                .isEqualTo("messages[1].tool_calls[0].function.arguments");
        assertThat(badParam("{\"model\":\"openclaw\",\"messages\":[{\"role\":\"system\",\"content\":\"only\"}]}"))
                .isEqualTo("messages");
    }

    @Test
    void image_parts_are_refused_with_a_clear_message() {
        JsonNode e = ChatCalls.error(
                calls.post("{\"model\":\"openclaw\",\"messages\":[{\"role\":\"user\",\"content\":["
                        + "{\"type\":\"text\",\"text\":\"what is this?\"},"
                        + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/a.png\"}}]}]}"),
                400);
        assertThat(e.path("param").asText()).isEqualTo("messages[0].content[1].type");
        assertThat(e.path("message").asText()).contains("image_url").contains("text");
    }

    @Test
    void text_parts_are_joined() {
        assertThat(json("{\"model\":\"openclaw\",\"messages\":[{\"role\":\"user\",\"content\":["
                        + "{\"type\":\"text\",\"text\":\"one\"},{\"type\":\"text\",\"text\":\"two\"}]}]}"))
                .isEqualTo("echo: one\ntwo");
    }

    private static String json(String body) {
        return ChatCalls.json(calls.post(body)).at("/choices/0/message/content").asText();
    }

    @Test
    void a_request_ending_with_an_assistant_message_has_nothing_to_answer() {
        assertThat(badParam("{\"model\":\"openclaw\",\"messages\":[" + user("hi")
                        + ",{\"role\":\"assistant\",\"content\":\"hello\"}]}"))
                .isEqualTo("messages");
    }

    @Test
    void more_than_one_choice_is_refused() {
        assertThat(badParam("{\"model\":\"openclaw\",\"n\":2," + HI + "}")).isEqualTo("n");
        assertThat(json("{\"model\":\"openclaw\",\"n\":1," + HI + "}")).isEqualTo("echo: hi");
    }

    @Test
    void tools_are_validated() {
        assertThat(badParam("{\"model\":\"openclaw\",\"tools\":{}," + HI + "}")).isEqualTo("tools");
        assertThat(badParam("{\"model\":\"openclaw\",\"tools\":[{\"type\":\"custom\",\"custom\":{}}]," + HI + "}"))
                .isEqualTo("tools[0].type");
        assertThat(badParam(
                        "{\"model\":\"openclaw\",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"a b\"}}],"
                                + HI + "}"))
                .isEqualTo("tools[0].function.name");
        assertThat(badParam("{\"model\":\"openclaw\",\"tools\":" + ChatCalls.WEATHER_TOOL
                        + ",\"tool_choice\":\"sometimes\"," + HI + "}"))
                .isEqualTo("tool_choice");
        assertThat(badParam("{\"model\":\"openclaw\",\"tools\":" + ChatCalls.WEATHER_TOOL
                        + ",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"other\"}}," + HI + "}"))
                .isEqualTo("tool_choice");
    }

    @Test
    void a_client_tool_named_like_one_of_the_agents_tools_is_refused() {
        String tools = "[{\"type\":\"function\",\"function\":{\"name\":\"current_time\"}}]";
        JsonNode e =
                ChatCalls.error(calls.post("{\"model\":\"openclaw/timer\",\"tools\":" + tools + "," + HI + "}"), 400);
        assertThat(e.path("param").asText()).isEqualTo("tools");
        assertThat(e.path("message").asText()).contains("current_time");
        assertThat(calls.ask("openclaw/main", "hi", ",\"tools\":" + tools)).isEqualTo("echo: hi");
    }

    @Test
    void an_unknown_model_or_agent_is_404() {
        JsonNode e = ChatCalls.error(calls.post("{\"model\":\"gpt-4o\"," + HI + "}"), 404);
        assertThat(e.path("code").asText()).isEqualTo("model_not_found");
        assertThat(e.path("param").asText()).isEqualTo("model");

        JsonNode agent =
                ChatCalls.error(calls.post("{\"model\":\"openclaw\"," + HI + "}", "x-openclaw-agent-id", "ghost"), 404);
        assertThat(agent.path("param").asText()).isEqualTo("x-openclaw-agent-id");
    }

    @Test
    void wrong_methods_are_405() {
        assertThat(gateway.get("/chat/completions").statusCode()).isEqualTo(405);
    }
}
