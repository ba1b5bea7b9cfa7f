/**
 * OpenAI model providers. {@link openclaw.provider.openai.OpenAiResponsesProvider} speaks the Responses API over SSE
 * or WebSocket mode (one reused socket per session with {@code previous_response_id} chaining, SSE fallback). Uses
 * {@code openclaw.provider} (SSE reader, error mapping, streaming POST), the SDK and Jackson; keys and settings come
 * from the wiring. Invariant: unknown events and fields are skipped, a turn ends with exactly one Finished or throws.
 */
package openclaw.provider.openai;
