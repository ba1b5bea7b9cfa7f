/**
 * OpenAI-compatible Chat Completions provider ({@code POST /chat/completions}, SSE) for OpenAI, Ollama, vLLM,
 * OpenRouter and LM Studio. Uses {@code openclaw.provider} (SSE reader, HTTP helper, error mapping), the SDK and
 * Jackson trees only. Invariants: unknown fields and malformed chunks are skipped, tool calls merge by {@code index},
 * and the API key never appears in a message.
 */
package openclaw.provider.openai;
