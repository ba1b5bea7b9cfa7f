package openclaw.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import openclaw.sdk.provider.ChatMessage;
import openclaw.sdk.provider.ChatRequest;
import openclaw.sdk.provider.ProviderException;
import openclaw.sdk.provider.StreamEvent;
import openclaw.sdk.provider.ThinkingLevel;
import openclaw.sdk.provider.ToolSpec;
import org.junit.jupiter.api.Test;

class ChatCompletionsRequestTest {

    private static JsonNode body(ChatRequest request) throws Exception {
        return OpenAiChatProvider.JSON.readTree(ChatCompletionsRequest.json(request));
    }

    private static ChatRequest withThinking(String model, ThinkingLevel level) {
        return new ChatRequest(model, "", List.of(new ChatMessage.User("hi")), List.of(), level, 100, "");
    }

    @Test
    void reasoning_models_get_low_and_high_effort() {
        for (String model : List.of("o1", "o3-mini", "o4-mini", "gpt-5", "gpt-5-mini", "GPT-5.1")) {
            assertThat(ChatCompletionsRequest.reasoningEffort(model, ThinkingLevel.LOW))
                    .as(model)
                    .contains("low");
            assertThat(ChatCompletionsRequest.reasoningEffort(model, ThinkingLevel.HIGH))
                    .as(model)
                    .contains("high");
        }
    }

    @Test
    void reasoning_models_keep_the_low_setting_by_default() {
        assertThat(ChatCompletionsRequest.reasoningEffort("o3", ThinkingLevel.DEFAULT))
                .contains("low");
        assertThat(ChatCompletionsRequest.reasoningEffort("gpt-5", ThinkingLevel.DEFAULT))
                .contains("low");
    }

    @Test
    void off_and_adaptive_send_no_effort_even_to_reasoning_models() {
        for (ThinkingLevel level : List.of(ThinkingLevel.OFF, ThinkingLevel.ADAPTIVE)) {
            assertThat(ChatCompletionsRequest.reasoningEffort("o3", level))
                    .as(level.name())
                    .isEmpty();
        }
    }

    @Test
    void other_models_never_get_reasoning_effort() throws Exception {
        for (String model : List.of("gpt-4o", "gpt-4.1-mini", "llama3.2", "qwen3:8b", "openrouter/auto", "omni")) {
            assertThat(ChatCompletionsRequest.reasoningEffort(model, ThinkingLevel.HIGH))
                    .as(model)
                    .isEmpty();
        }
        assertThat(body(withThinking("qwen3:8b", ThinkingLevel.HIGH)).has("reasoning_effort"))
                .isFalse();
        assertThat(body(withThinking("o3", ThinkingLevel.LOW))
                        .path("reasoning_effort")
                        .asText())
                .isEqualTo("low");
    }

    @Test
    void no_system_message_and_no_tools_key_when_both_are_empty() throws Exception {
        JsonNode body = body(ChatRequest.of("gpt-4o", "hi"));
        assertThat(body.path("messages")).hasSize(1);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("user");
        assertThat(body.has("tools")).isFalse();
        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(ChatRequest.DEFAULT_MAX_OUTPUT_TOKENS);
    }

    @Test
    void an_assistant_message_with_text_and_tool_calls_keeps_both() throws Exception {
        ChatRequest request = ChatRequest.of("gpt-4o", "hi")
                .withMessages(List.of(new ChatMessage.Assistant(
                        "Checking.", List.of(new StreamEvent.ToolCall("c1", "t", "{}")), List.of())));
        JsonNode message = body(request).path("messages").get(0);
        assertThat(message.path("content").asText()).isEqualTo("Checking.");
        assertThat(message.path("tool_calls")
                        .get(0)
                        .path("function")
                        .path("name")
                        .asText())
                .isEqualTo("t");
    }

    @Test
    void a_tool_schema_that_is_not_a_json_object_is_rejected_without_retry() {
        ChatRequest request = new ChatRequest(
                "gpt-4o",
                "",
                List.of(new ChatMessage.User("hi")),
                List.of(new ToolSpec("broken", "", "{not json")),
                ThinkingLevel.DEFAULT,
                100,
                "");
        assertThatThrownBy(() -> ChatCompletionsRequest.json(request))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.retryable()).isFalse());
    }
}
