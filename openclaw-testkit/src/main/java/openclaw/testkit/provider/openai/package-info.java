/**
 * Loopback fakes of OpenAI's wire protocols. {@link openclaw.testkit.provider.openai.FakeOpenAiResponsesServer}
 * serves the Responses API over SSE ({@code POST /v1/responses}) and WebSocket mode ({@code GET /v1/responses}
 * upgrade) on one port from one script, so transport fallback can be tested against a single base URL.
 */
package openclaw.testkit.provider.openai;
