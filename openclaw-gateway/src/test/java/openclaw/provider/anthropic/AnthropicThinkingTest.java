package openclaw.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import openclaw.sdk.provider.ThinkingLevel;
import org.junit.jupiter.api.Test;

class AnthropicThinkingTest {

    private static ObjectNode body(String model, ThinkingLevel level, int maxTokens) {
        ObjectNode body = AnthropicRequests.JSON.createObjectNode();
        AnthropicThinking.apply(body, model, level, maxTokens);
        return body;
    }

    private static JsonNode json(String text) throws Exception {
        return AnthropicRequests.JSON.readTree(text);
    }

    @Test
    void claude_4_6_defaults_to_adaptive_thinking_without_effort() throws Exception {
        assertThat(body("claude-4.6-sonnet", ThinkingLevel.DEFAULT, 8192))
                .isEqualTo(json("{\"max_tokens\":8192,\"thinking\":{\"type\":\"adaptive\"}}"));
        assertThat(body("claude-sonnet-4-6", ThinkingLevel.DEFAULT, 8192))
                .isEqualTo(json("{\"max_tokens\":8192,\"thinking\":{\"type\":\"adaptive\"}}"));
    }

    @Test
    void claude_4_6_adaptive_level_is_adaptive() throws Exception {
        assertThat(body("claude-opus-4-6", ThinkingLevel.ADAPTIVE, 4096))
                .isEqualTo(json("{\"max_tokens\":4096,\"thinking\":{\"type\":\"adaptive\"}}"));
    }

    @Test
    void claude_4_6_low_and_high_set_the_effort_in_output_config() throws Exception {
        assertThat(body("claude-4.6-sonnet", ThinkingLevel.LOW, 8192)).isEqualTo(json("""
                {"max_tokens":8192,"thinking":{"type":"adaptive"},"output_config":{"effort":"low"}}"""));
        assertThat(body("claude-4.6-sonnet", ThinkingLevel.HIGH, 8192)).isEqualTo(json("""
                {"max_tokens":8192,"thinking":{"type":"adaptive"},"output_config":{"effort":"high"}}"""));
    }

    @Test
    void off_sends_no_thinking_field() throws Exception {
        assertThat(body("claude-4.6-sonnet", ThinkingLevel.OFF, 8192)).isEqualTo(json("{\"max_tokens\":8192}"));
        assertThat(body("claude-sonnet-4-5", ThinkingLevel.OFF, 8192)).isEqualTo(json("{\"max_tokens\":8192}"));
    }

    @Test
    void other_reasoning_models_get_the_minimum_budget_for_low_and_by_default() throws Exception {
        for (String model : new String[] {"claude-3-7-sonnet-latest", "claude-sonnet-4-20250514", "claude-opus-4-1"}) {
            for (ThinkingLevel level : new ThinkingLevel[] {ThinkingLevel.LOW, ThinkingLevel.DEFAULT}) {
                assertThat(body(model, level, 8192))
                        .as(model + " " + level)
                        .isEqualTo(json(
                                "{\"max_tokens\":8192,\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":1024}}"));
            }
        }
    }

    @Test
    void high_on_other_reasoning_models_raises_max_tokens_above_the_budget() {
        ObjectNode body = body("claude-sonnet-4-5", ThinkingLevel.HIGH, 8192);
        int budget = body.get("thinking").get("budget_tokens").asInt();
        assertThat(body.get("thinking").get("type").asText()).isEqualTo("enabled");
        assertThat(budget).isEqualTo(AnthropicThinking.HIGH_BUDGET);
        assertThat(body.get("max_tokens").asInt()).isGreaterThan(budget).isEqualTo(budget + 8192);
        assertThat(body.has("output_config")).isFalse();
    }

    @Test
    void the_budget_stays_below_max_tokens_even_for_small_limits() {
        ObjectNode body = body("claude-3-7-sonnet-latest", ThinkingLevel.LOW, 1024);
        assertThat(body.get("thinking").get("budget_tokens").asInt()).isGreaterThanOrEqualTo(1024);
        assertThat(body.get("max_tokens").asInt())
                .isGreaterThan(body.get("thinking").get("budget_tokens").asInt());
    }

    @Test
    void a_limit_already_above_the_budget_is_kept() {
        assertThat(body("claude-opus-4-1", ThinkingLevel.HIGH, 32000)
                        .get("max_tokens")
                        .asInt())
                .isEqualTo(32000);
    }

    @Test
    void models_without_reasoning_get_no_thinking_at_any_level() throws Exception {
        for (String model : new String[] {"claude-3-5-sonnet-20241022", "claude-3-5-haiku-latest", "claude-3-haiku"}) {
            for (ThinkingLevel level : ThinkingLevel.values()) {
                assertThat(body(model, level, 8192)).as(model + " " + level).isEqualTo(json("{\"max_tokens\":8192}"));
            }
        }
    }

    @Test
    void claude_4_7_never_gets_enabled_thinking_and_defaults_to_off() throws Exception {
        assertThat(body("claude-opus-4-7", ThinkingLevel.DEFAULT, 8192)).isEqualTo(json("{\"max_tokens\":8192}"));
        assertThat(body("claude-opus-4-7", ThinkingLevel.LOW, 8192)).isEqualTo(json("""
                {"max_tokens":8192,"thinking":{"type":"adaptive"},"output_config":{"effort":"low"}}"""));
    }

    @Test
    void model_families_are_recognised_from_their_names() {
        assertThat(AnthropicThinking.family("claude-4.6-sonnet"))
                .isEqualTo(AnthropicThinking.Family.ADAPTIVE_DEFAULT_ON);
        assertThat(AnthropicThinking.family("claude-haiku-4-5")).isEqualTo(AnthropicThinking.Family.BUDGET);
        assertThat(AnthropicThinking.family("claude-3-5-sonnet-20240620")).isEqualTo(AnthropicThinking.Family.NONE);
    }
}
