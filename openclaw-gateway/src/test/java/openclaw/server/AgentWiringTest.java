package openclaw.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import openclaw.agent.AgentSpec;
import openclaw.agent.ModelRef;
import openclaw.config.ConfigLoader;
import openclaw.config.LoadResult;
import openclaw.config.OpenClawConfig;
import openclaw.sdk.provider.ThinkingLevel;
import openclaw.testkit.http.FakeHttpServer;
import org.junit.jupiter.api.Test;

class AgentWiringTest {

    private static OpenClawConfig config(String toml) {
        return ((LoadResult.Loaded) ConfigLoader.parse(toml, Map.of("OPENAI_API_KEY", "sk-x-123456789"))).config();
    }

    @Test
    void api_keys_in_the_environment_configure_providers_when_none_are_configured() {
        AgentWiring.Providers p = AgentWiring.providers(
                OpenClawConfig.DEFAULTS,
                Map.of("OPENAI_API_KEY", "sk-a-123456789", "ANTHROPIC_API_KEY", "sk-ant-123456789"),
                Optional.empty());
        assertThat(p.registry().ids()).containsExactly("anthropic", "openai");
        AgentSpec main = AgentWiring.agents(OpenClawConfig.DEFAULTS, p).get("main");
        assertThat(main.model()).isEqualTo(new ModelRef("anthropic", "claude-4.6-sonnet"));
    }

    @Test
    void a_local_ollama_is_offered_as_openai_chat_with_its_first_model() {
        try (FakeHttpServer ollama = FakeHttpServer.start()) {
            ollama.enqueueJson(200, Map.of(), "{\"models\":[{\"name\":\"llama3.2:3b\"},{\"name\":\"qwen3\"}]}");
            AgentWiring.Providers p =
                    AgentWiring.providers(OpenClawConfig.DEFAULTS, Map.of(), Optional.of(ollama.baseUri()));
            assertThat(p.registry().ids()).containsExactly("ollama");
            assertThat(AgentWiring.agents(OpenClawConfig.DEFAULTS, p)
                            .get("main")
                            .model())
                    .isEqualTo(new ModelRef("ollama", "llama3.2:3b"));
            assertThat(ollama.lastRequest().path()).isEqualTo("/api/tags");
        }
    }

    @Test
    void without_any_provider_the_agents_still_exist() {
        AgentWiring.Providers p = AgentWiring.providers(OpenClawConfig.DEFAULTS, Map.of(), Optional.empty());
        assertThat(p.registry().ids()).isEmpty();
        assertThat(AgentWiring.agents(OpenClawConfig.DEFAULTS, p)).containsKey("main");
    }

    @Test
    void configured_agents_get_their_model_thinking_fallbacks_and_tools() {
        OpenClawConfig c = config("""
                [providers.openai]
                type = "openai"
                apiKey = "${env:OPENAI_API_KEY}"
                [agents.default.model]
                provider = "openai"
                name = "gpt-5"
                [agents.default.model.thinking]
                mode = "high"
                [agents.research-bot]
                tools = ["current_time"]
                fallbacks = ["anthropic/claude-4.6-sonnet"]
                """);
        AgentWiring.Providers p = AgentWiring.providers(c, Map.of(), Optional.empty());
        Map<String, AgentSpec> agents = AgentWiring.agents(c, p);
        assertThat(AgentWiring.defaultAgentId(c)).isEqualTo("default");
        assertThat(agents.get("default").thinking()).isEqualTo(ThinkingLevel.HIGH);
        AgentSpec research = agents.get("research-bot");
        assertThat(research.model()).isEqualTo(new ModelRef("openai", "gpt-5"));
        assertThat(research.fallbacks()).containsExactly(new ModelRef("anthropic", "claude-4.6-sonnet"));
        assertThat(research.tools()).containsExactly("current_time");
    }
}
