package openclaw.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import openclaw.sdk.provider.ChatMessage;
import openclaw.sdk.provider.ChatRequest;
import openclaw.sdk.provider.StreamEvent;
import openclaw.sdk.provider.ThinkingLevel;
import openclaw.sdk.provider.ToolSpec;
import org.junit.jupiter.api.Test;

class AnthropicRequestsTest {

    private static final ToolSpec WEATHER = new ToolSpec(
            "weather", "Weather for a city", "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}");

    private static JsonNode json(String text) throws Exception {
        return AnthropicRequests.JSON.readTree(text);
    }

    private static ChatRequest request(List<ChatMessage> messages) {
        return new ChatRequest(
                "claude-3-5-haiku-latest", "Be brief.", messages, List.of(WEATHER), ThinkingLevel.DEFAULT, 2048, "");
    }

    @Test
    void a_tool_round_trip_becomes_the_exact_messages_body() throws Exception {
        ChatRequest request = request(List.of(
                new ChatMessage.User("Weather in Oslo and Rome?"),
                new ChatMessage.Assistant(
                        "Checking.",
                        List.of(
                                new StreamEvent.ToolCall("toolu_1", "weather", "{\"city\":\"Oslo\"}"),
                                new StreamEvent.ToolCall("toolu_2", "weather", "{\"city\":")),
                        List.of(new StreamEvent.ThinkingBlock("Two cities.", "c2lnbmF0dXJl"))),
                new ChatMessage.ToolResult("toolu_1", "weather", "rain", false),
                new ChatMessage.ToolResult("toolu_2", "weather", "invalid arguments", true),
                new ChatMessage.User("And tomorrow?")));
        assertThat(AnthropicRequests.body(request)).isEqualTo(json("""
                {"model":"claude-3-5-haiku-latest","max_tokens":2048,"system":"Be brief.",
                 "messages":[
                  {"role":"user","content":[{"type":"text","text":"Weather in Oslo and Rome?"}]},
                  {"role":"assistant","content":[
                    {"type":"thinking","thinking":"Two cities.","signature":"c2lnbmF0dXJl"},
                    {"type":"text","text":"Checking."},
                    {"type":"tool_use","id":"toolu_1","name":"weather","input":{"city":"Oslo"}},
                    {"type":"tool_use","id":"toolu_2","name":"weather","input":{}}]},
                  {"role":"user","content":[
                    {"type":"tool_result","tool_use_id":"toolu_1","content":"rain","is_error":false},
                    {"type":"tool_result","tool_use_id":"toolu_2","content":"invalid arguments","is_error":true},
                    {"type":"text","text":"And tomorrow?"}]}],
                 "tools":[{"name":"weather","description":"Weather for a city",
                   "input_schema":{"type":"object","properties":{"city":{"type":"string"}}}}],
                 "stream":true}
                """));
    }

    @Test
    void tool_results_never_follow_text_in_a_user_turn() {
        ChatRequest request = request(
                List.of(new ChatMessage.User("hi"), new ChatMessage.ToolResult("toolu_1", "weather", "rain", false)));
        JsonNode messages = AnthropicRequests.body(request).get("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(1).get("content").get(0).get("type").asText()).isEqualTo("tool_result");
    }

    @Test
    void empty_system_prompt_and_no_tools_are_left_out() {
        JsonNode body = AnthropicRequests.body(ChatRequest.of("claude-3-5-haiku-latest", "hi"));
        assertThat(body.has("system")).isFalse();
        assertThat(body.has("tools")).isFalse();
        assertThat(body.get("max_tokens").asInt()).isEqualTo(ChatRequest.DEFAULT_MAX_OUTPUT_TOKENS);
    }

    @Test
    void thinking_blocks_without_signature_and_empty_assistant_text_are_not_sent() {
        JsonNode body = AnthropicRequests.body(request(List.of(
                new ChatMessage.User("hi"),
                new ChatMessage.Assistant(
                        "",
                        List.of(new StreamEvent.ToolCall("toolu_1", "weather", "{}")),
                        List.of(new StreamEvent.ThinkingBlock("from another provider", ""))))));
        JsonNode content = body.get("messages").get(1).get("content");
        assertThat(content).hasSize(1);
        assertThat(content.get(0).get("type").asText()).isEqualTo("tool_use");
    }

    @Test
    void an_invalid_tool_schema_falls_back_to_an_object_schema() {
        ChatRequest request = new ChatRequest(
                "claude-3-5-haiku-latest",
                "",
                List.of(new ChatMessage.User("hi")),
                List.of(new ToolSpec("broken", "x", "not json")),
                ThinkingLevel.OFF,
                100,
                "");
        assertThat(AnthropicRequests.body(request)
                        .get("tools")
                        .get(0)
                        .get("input_schema")
                        .toString())
                .isEqualTo("{\"type\":\"object\"}");
    }
}
