package openclaw.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import openclaw.agent.AgentSpec;
import openclaw.agent.ModelRef;
import openclaw.agent.ProviderRegistry;
import openclaw.config.AgentConfig;
import openclaw.config.AgentModelConfig;
import openclaw.config.OpenClawConfig;
import openclaw.config.ProviderConfig;
import openclaw.config.ProviderType;
import openclaw.config.ThinkingMode;
import openclaw.provider.anthropic.AnthropicProvider;
import openclaw.provider.openai.OpenAiChatProvider;
import openclaw.provider.openai.OpenAiResponsesProvider;
import openclaw.provider.openai.ResponsesSettings;
import openclaw.routing.AgentRoster;
import openclaw.sdk.provider.ModelProvider;
import openclaw.sdk.provider.ThinkingLevel;

/**
 * Builds model providers and agent specs from config. With no {@code [providers]} at all, {@code OPENAI_API_KEY} and
 * {@code ANTHROPIC_API_KEY} configure the matching provider and an Ollama answering on 127.0.0.1:11434 is offered as
 * {@code openai-chat}; with none of these the agents still exist and a turn fails saying how to add a provider.
 */
public final class AgentWiring {

    /** The agent id used when none is configured or named (OpenClaw's {@code main}). */
    public static final String MAIN = AgentRoster.MAIN;

    static final URI OLLAMA = URI.create("http://127.0.0.1:11434");

    private AgentWiring() {}

    /** What config and environment provide: the providers and each one's default model. */
    public record Providers(ProviderRegistry registry, Map<String, String> defaultModels) {}

    /** The providers of {@code config}, or the auto-detected ones when it has none. */
    public static Providers providers(OpenClawConfig config, Map<String, String> env, boolean probeOllama) {
        return providers(config, env, probeOllama ? Optional.of(OLLAMA) : Optional.empty());
    }

    /** As above, probing Ollama at {@code ollama} (tests point it at a fake). */
    static Providers providers(OpenClawConfig config, Map<String, String> env, Optional<URI> ollama) {
        Map<String, ProviderConfig> configured = new TreeMap<>(config.providers());
        Map<String, String> defaults = new LinkedHashMap<>();
        if (configured.isEmpty()) {
            autodetect(env, ollama, configured, defaults);
        }
        Map<String, ModelProvider> built = new LinkedHashMap<>();
        configured.forEach((id, p) -> built.put(id, build(id, p, config)));
        configured.forEach((id, p) ->
                defaults.putIfAbsent(id, p.type() == ProviderType.ANTHROPIC ? "claude-4.6-sonnet" : "gpt-5"));
        return new Providers(new ProviderRegistry(built), defaults);
    }

    /** Every configured agent plus {@code main}, with models resolved against the providers. */
    public static Map<String, AgentSpec> agents(OpenClawConfig config, Providers providers) {
        Map<String, AgentConfig> configured = new TreeMap<>(config.agents());
        ModelRef fallbackModel = defaultModel(config, providers);
        Map<String, AgentSpec> agents = new LinkedHashMap<>();
        configured.forEach((id, a) -> agents.put(id, spec(id, a, fallbackModel)));
        agents.putIfAbsent(MAIN, spec(MAIN, configured.getOrDefault("default", AgentConfig.DEFAULTS), fallbackModel));
        return agents;
    }

    /** The agent a turn uses when none is named: {@code main}, else {@code default}, else the first. */
    public static String defaultAgentId(OpenClawConfig config) {
        return AgentRoster.defaultAgentId(config);
    }

    static ThinkingLevel thinking(ThinkingMode mode) {
        return switch (mode) {
            case DEFAULT -> ThinkingLevel.DEFAULT;
            case ADAPTIVE -> ThinkingLevel.ADAPTIVE;
            case LOW -> ThinkingLevel.LOW;
            case HIGH -> ThinkingLevel.HIGH;
            case OFF -> ThinkingLevel.OFF;
        };
    }

    private static AgentSpec spec(String id, AgentConfig a, ModelRef fallbackModel) {
        ModelRef model =
                a.model().map(m -> new ModelRef(m.provider(), m.name())).orElse(fallbackModel);
        ThinkingLevel level = a.model().map(m -> thinking(m.thinking().mode())).orElse(ThinkingLevel.DEFAULT);
        return new AgentSpec(
                id,
                a.systemPrompt().orElse(""),
                model,
                a.fallbacks().stream().map(ModelRef::parse).toList(),
                level,
                a.tools(),
                a.maxSteps());
    }

    private static ModelRef defaultModel(OpenClawConfig config, Providers providers) {
        Optional<AgentModelConfig> fromDefault =
                Optional.ofNullable(config.agents().get("default")).flatMap(AgentConfig::model);
        if (fromDefault.isPresent()) {
            return new ModelRef(fromDefault.get().provider(), fromDefault.get().name());
        }
        return providers.defaultModels().entrySet().stream()
                .findFirst()
                .map(e -> new ModelRef(e.getKey(), e.getValue()))
                .orElse(new ModelRef("openai", "gpt-5"));
    }

    private static ModelProvider build(String id, ProviderConfig p, OpenClawConfig config) {
        URI base = URI.create(p.effectiveBaseUrl());
        String key = p.apiKey().orElse("");
        return switch (p.type()) {
            case OPENAI_CHAT -> OpenAiChatProvider.create(id, base, key);
            case ANTHROPIC -> AnthropicProvider.create(id, base, key);
            case OPENAI -> OpenAiResponsesProvider.create(id, base, key, responses(config));
        };
    }

    private static ResponsesSettings responses(OpenClawConfig config) {
        ResponsesSettings.Transport transport =
                switch (config.response().transport()) {
                    case AUTO -> ResponsesSettings.Transport.AUTO;
                    case WEBSOCKET -> ResponsesSettings.Transport.WEBSOCKET;
                    case SSE -> ResponsesSettings.Transport.SSE;
                };
        List<String> warm = config.response().openaiWsWarmup().entrySet().stream()
                .filter(Map.Entry::getValue)
                .map(Map.Entry::getKey)
                .toList();
        return new ResponsesSettings(transport, java.util.Set.copyOf(warm), Duration.ofMinutes(5));
    }

    private static void autodetect(
            Map<String, String> env,
            Optional<URI> ollama,
            Map<String, ProviderConfig> found,
            Map<String, String> defaults) {
        String anthropic = env.getOrDefault("ANTHROPIC_API_KEY", "");
        if (!anthropic.isBlank()) {
            found.put(
                    "anthropic", new ProviderConfig(ProviderType.ANTHROPIC, Optional.empty(), Optional.of(anthropic)));
            defaults.put("anthropic", "claude-4.6-sonnet");
        }
        String openai = env.getOrDefault("OPENAI_API_KEY", "");
        if (!openai.isBlank()) {
            found.put("openai", new ProviderConfig(ProviderType.OPENAI, Optional.empty(), Optional.of(openai)));
            defaults.put("openai", "gpt-5");
        }
        ollama.ifPresent(base -> ollamaModel(base).ifPresent(model -> {
            found.put(
                    "ollama",
                    new ProviderConfig(ProviderType.OPENAI_CHAT, Optional.of(base + "/v1"), Optional.empty()));
            defaults.put("ollama", model);
        }));
    }

    /** The first model of a local Ollama, if one answers within 1.5 s (runs off the start-up path). */
    static Optional<String> ollamaModel(URI base) {
        try (HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofMillis(1000)).build()) {
            HttpResponse<String> r = client.send(
                    HttpRequest.newBuilder(base.resolve("/api/tags"))
                            .timeout(Duration.ofMillis(1500))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return Optional.empty();
            }
            var models = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(r.body())
                    .path("models");
            return models.isArray() && !models.isEmpty()
                    ? Optional.of(models.get(0).path("name").asText())
                    : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
