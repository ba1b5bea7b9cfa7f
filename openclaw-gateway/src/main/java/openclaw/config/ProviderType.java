package openclaw.config;

/** The wire protocol of a provider: {@code "openai"} (Responses API), {@code "openai-chat"}, {@code "anthropic"}. */
public enum ProviderType {
    /** OpenAI Responses API (WebSocket with SSE fallback). */
    OPENAI("https://api.openai.com/v1"),
    /** OpenAI Chat Completions, for any compatible server (Ollama, vLLM, OpenRouter, LM Studio). */
    OPENAI_CHAT("https://api.openai.com/v1"),
    /** Anthropic Messages API. */
    ANTHROPIC("https://api.anthropic.com");

    private final String defaultBaseUrl;

    ProviderType(String defaultBaseUrl) {
        this.defaultBaseUrl = defaultBaseUrl;
    }

    /** The public endpoint used when {@code baseUrl} is not set. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }
}
