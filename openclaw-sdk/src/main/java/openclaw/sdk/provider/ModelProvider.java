package openclaw.sdk.provider;

/**
 * A chat-model backend: OpenAI (Responses or Chat Completions), Anthropic, any OpenAI-compatible server.
 *
 * <p>Implementations are thread-safe and may be called from many virtual threads at once. Everything one turn needs
 * travels in the {@link ChatRequest}; a provider may keep per-session transport state (a reused WebSocket, a
 * {@code previous_response_id}) keyed by {@link ChatRequest#sessionKey()}, but never conversation content. Failures
 * surface as {@link ProviderException} from {@link ChatStream#next()}, never as special events.
 */
public interface ModelProvider {

    /**
     * Stable id used in config and model references, e.g. {@code "anthropic"} or {@code "openai"}.
     *
     * @return the provider id
     */
    String id();

    /**
     * Starts one model turn. Blocking I/O may happen here or in {@link ChatStream#next()}; both are called on the
     * caller's (virtual) thread. The caller owns the returned stream and must close it.
     *
     * @param request what to send
     * @return the event stream of this turn
     * @throws ProviderException when the turn cannot even be started (for example a connection refused)
     */
    ChatStream stream(ChatRequest request);
}
