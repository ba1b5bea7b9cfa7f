/**
 * The Anthropic Messages API provider: a thin {@code java.net.http} client that builds the request body as a Jackson
 * tree and maps the SSE stream onto {@link openclaw.sdk.provider.StreamEvent}s. Depends on {@code openclaw.provider}
 * and the SDK only. Invariants: tool results lead their user turn, thinking blocks travel back with their signature
 * unchanged, and the API key is only ever written to the {@code x-api-key} header.
 */
package openclaw.provider.anthropic;
