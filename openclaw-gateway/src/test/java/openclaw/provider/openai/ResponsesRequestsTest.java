package openclaw.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import openclaw.sdk.provider.ChatMessage;
import openclaw.sdk.provider.ChatRequest;
import openclaw.sdk.provider.StreamEvent;
import openclaw.sdk.provider.ThinkingLevel;
import openclaw.sdk.provider.ToolSpec;
import org.junit.jupiter.api.Test;

class ResponsesRequestsTest {

    private static final ToolSpec CLOCK =
            new ToolSpec("current_time", "Current time", "{\"type\":\"object\",\"properties\":{}}");

    private static ChatRequest conversation(String model, ThinkingLevel thinking) {
        return new ChatRequest(
                model,
                "Be brief.",
                List.of(
                        new ChatMessage.User("time?"),
                        new ChatMessage.Assistant(
                                "Checking.",
                                List.of(new StreamEvent.ToolCall("call_1", "current_time", "{\"tz\":\"UTC\"}")),
                                List.of()),
                        new ChatMessage.ToolResult("call_1", "current_time", "12:00", false)),
                List.of(CLOCK),
                thinking,
                512,
                "");
    }

    @Test
    void sse_body_carries_instructions_input_items_flat_tools_and_store_false() {
        JsonNode body = ResponsesRequests.sseBody(conversation("gpt-5", ThinkingLevel.DEFAULT));
        assertThat(body.path("model").asText()).isEqualTo("gpt-5");
        assertThat(body.path("instructions").asText()).isEqualTo("Be brief.");
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("store").asBoolean(true)).isFalse();
        assertThat(body.path("max_output_tokens").asInt()).isEqualTo(512);
        JsonNode input = body.path("input");
        assertThat(input).hasSize(4);
        assertThat(input.get(0).toString())
                .isEqualTo("{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\","
                        + "\"text\":\"time?\"}]}");
        assertThat(input.get(1).path("role").asText()).isEqualTo("assistant");
        assertThat(input.get(1).path("content").get(0).path("type").asText()).isEqualTo("output_text");
        assertThat(input.get(2).toString())
                .isEqualTo("{\"type\":\"function_call\",\"call_id\":\"call_1\",\"name\":\"current_time\","
                        + "\"arguments\":\"{\\\"tz\\\":\\\"UTC\\\"}\"}");
        assertThat(input.get(3).toString())
                .isEqualTo("{\"type\":\"function_call_output\",\"call_id\":\"call_1\",\"output\":\"12:00\"}");
        JsonNode tool = body.path("tools").get(0);
        assertThat(tool.path("type").asText()).isEqualTo("function");
        assertThat(tool.path("name").asText()).isEqualTo("current_time");
        assertThat(tool.has("function")).isFalse();
        assertThat(tool.path("parameters").path("type").asText()).isEqualTo("object");
    }

    @Test
    void reasoning_models_keep_the_low_setting_by_default_with_summaries_and_encrypted_content() {
        JsonNode body = ResponsesRequests.sseBody(conversation("gpt-5", ThinkingLevel.DEFAULT));
        assertThat(body.path("reasoning").toString()).isEqualTo("{\"effort\":\"low\",\"summary\":\"auto\"}");
        assertThat(body.path("include").toString()).isEqualTo("[\"reasoning.encrypted_content\"]");
    }

    @Test
    void thinking_levels_map_to_efforts_per_protocols_section_7() {
        assertThat(ResponsesRequests.effort("gpt-5", ThinkingLevel.LOW)).contains("low");
        assertThat(ResponsesRequests.effort("o3", ThinkingLevel.HIGH)).contains("high");
        assertThat(ResponsesRequests.effort("openai/gpt-5-mini", ThinkingLevel.ADAPTIVE))
                .contains("medium");
        assertThat(ResponsesRequests.effort("gpt-5.1", ThinkingLevel.OFF)).contains("none");
        assertThat(ResponsesRequests.effort("gpt-5", ThinkingLevel.OFF)).isEmpty();
        assertThat(ResponsesRequests.effort("o4-mini", ThinkingLevel.OFF)).isEmpty();
    }

    @Test
    void non_reasoning_models_get_no_reasoning_field() {
        JsonNode body = ResponsesRequests.sseBody(conversation("gpt-4.1", ThinkingLevel.HIGH));
        assertThat(body.has("reasoning")).isFalse();
        assertThat(body.has("include")).isFalse();
        assertThat(ResponsesRequests.effort("gpt-5-chat-latest", ThinkingLevel.HIGH))
                .isEmpty();
    }

    @Test
    void websocket_frames_are_response_create_without_stream_or_background() {
        ChatRequest request = conversation("gpt-5", ThinkingLevel.LOW);
        JsonNode frame =
                ResponsesRequests.createFrame(request, ResponsesRequests.inputItems(request.messages()), "resp_1");
        assertThat(frame.path("type").asText()).isEqualTo("response.create");
        assertThat(frame.path("previous_response_id").asText()).isEqualTo("resp_1");
        assertThat(frame.has("stream")).isFalse();
        assertThat(frame.has("background")).isFalse();
        JsonNode warmup = ResponsesRequests.warmupFrame(request);
        assertThat(warmup.path("generate").asBoolean(true)).isFalse();
        assertThat(warmup.path("input")).isEmpty();
        assertThat(warmup.path("instructions").asText()).isEqualTo("Be brief.");
    }

    @Test
    void websocket_uri_swaps_the_scheme_and_appends_responses() {
        assertThat(ResponsesWsConnector.webSocketUri(java.net.URI.create("https://api.openai.com/v1/")))
                .hasToString("wss://api.openai.com/v1/responses");
        assertThat(ResponsesWsConnector.webSocketUri(java.net.URI.create("http://127.0.0.1:9/v1")))
                .hasToString("ws://127.0.0.1:9/v1/responses");
    }
}
