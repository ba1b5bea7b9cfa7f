/**
 * OpenAI providers: the Responses API over WebSocket with SSE fallback ({@code OpenAiResponsesProvider}) and Chat
 * Completions for any OpenAI-compatible server ({@code OpenAiChatProvider}). Thin {@code java.net.http} clients
 * over Jackson trees; may use {@code openclaw.provider} and the SDK only. Invariant: unknown events and fields are
 * skipped, never fatal, and API keys never appear in messages.
 */
package openclaw.provider.openai;
