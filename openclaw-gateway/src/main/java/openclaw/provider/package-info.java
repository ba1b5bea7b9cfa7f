/**
 * Model providers: thin {@code java.net.http} clients for OpenAI (Responses and Chat Completions) and Anthropic in
 * subpackages, plus the SSE reader and error mapping they share. Depends on {@code openclaw.sdk} and Jackson only;
 * keys and settings are passed in by the wiring. Invariant: provider JSON passes through as trees, unknown fields and
 * events are ignored, never fatal.
 */
package openclaw.provider;
