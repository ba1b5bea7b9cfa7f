/**
 * The OpenAI-compatible HTTP API under {@code /v1}: models, Chat Completions, Responses (HTTP, SSE and WebSocket
 * mode), Assistants v2 threads and runs. Requests authenticate with a Bearer token (the gateway token or an API key
 * with a scope), errors use the OpenAI envelope, and turns run through {@link openclaw.chat.ChatRuns} on stored
 * sessions. Served through {@link openclaw.http.HttpApi}, so this package does not know the web server.
 */
package openclaw.openai;
