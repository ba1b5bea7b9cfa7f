package openclaw.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentConfigTest {

    private static final String SEED = """
            [providers.openai]
            type = "openai"
            baseUrl = "https://api.openai.com/v1"
            apiKey = "${env:OPENAI_API_KEY}"

            [providers.local]
            type = "openai-chat"
            baseUrl = "http://127.0.0.1:11434/v1"

            [response]
            transport = "auto"
            [response.openaiWsWarmup]
            "gpt-5" = true

            [agents.default.model]
            provider = "anthropic"
            name = "claude-4.6-sonnet"
            [agents.default.model.thinking]
            mode = "adaptive"

            [agents.research-bot]
            systemPrompt = "You are a research assistant."
            tools = ["current_time", "session_status"]
            fallbacks = ["openai/gpt-5"]
            [agents.research-bot.model]
            provider = "openai"
            name = "gpt-5"
            """;

    private static OpenClawConfig load(String toml, Map<String, String> env) {
        LoadResult result = ConfigLoader.parse(toml, env);
        assertThat(result).as(result.toString()).isInstanceOf(LoadResult.Loaded.class);
        return ((LoadResult.Loaded) result).config();
    }

    @Test
    void the_seed_agent_and_provider_blocks_load() {
        OpenClawConfig config = load(SEED, Map.of("OPENAI_API_KEY", "sk-test-123456789"));
        assertThat(config.providers().get("openai").apiKey()).contains("sk-test-123456789");
        assertThat(config.providers().get("local").type()).isEqualTo(ProviderType.OPENAI_CHAT);
        assertThat(config.providers().get("local").apiKey()).isEmpty();
        assertThat(config.response().transport()).isEqualTo(ResponseTransport.AUTO);
        assertThat(config.response().openaiWsWarmup()).containsEntry("gpt-5", true);
        AgentConfig research = config.agents().get("research-bot");
        assertThat(research.systemPrompt()).contains("You are a research assistant.");
        assertThat(research.tools()).containsExactly("current_time", "session_status");
        assertThat(research.fallbacks()).containsExactly("openai/gpt-5");
        assertThat(research.model())
                .hasValueSatisfying(m -> assertThat(m.name()).isEqualTo("gpt-5"));
        assertThat(research.maxSteps()).isEqualTo(8);
        assertThat(config.agents()
                        .get("default")
                        .model()
                        .orElseThrow()
                        .thinking()
                        .mode())
                .isEqualTo(ThinkingMode.ADAPTIVE);
    }

    @Test
    void a_missing_env_reference_names_the_variable() {
        LoadResult result = ConfigLoader.parse(SEED, Map.of());
        assertThat(result).isInstanceOf(LoadResult.Rejected.class);
        assertThat(((LoadResult.Rejected) result).errors().toString()).contains("OPENAI_API_KEY");
    }

    @Test
    void bad_agent_values_are_all_reported_with_their_keys() {
        LoadResult result = ConfigLoader.parse("""
                [providers.x]
                type = "openai-responses"
                [agents.a]
                fallbacks = ["gpt-5"]
                maxSteps = 0
                [agents.a.model]
                name = "m"
                [agents.a.model.thinking]
                mode = "deep"
                """, Map.of());
        String errors = ((LoadResult.Rejected) result).errors().toString();
        assertThat(errors)
                .contains("providers.x.type")
                .contains("\"openai-chat\"")
                .contains("agents.a.fallbacks[0]")
                .contains("agents.a.maxSteps")
                .contains("agents.a.model.provider")
                .contains("agents.a.model.thinking.mode");
    }

    @Test
    void provider_keys_are_redacted_in_queries() {
        OpenClawConfig config = load(SEED, Map.of("OPENAI_API_KEY", "sk-test-123456789"));
        assertThat(ConfigQuery.get(config, "providers.openai.apiKey", false)).contains("\"***\"");
        assertThat(ConfigQuery.get(config, "providers.local.type", false)).contains("\"openai-chat\"");
        assertThat(config.toString()).doesNotContain("sk-test-123456789");
    }
}
