/**
 * Loopback fakes of OpenAI's wire protocols: Chat Completions SSE ({@code FakeOpenAiChatServer}) and the Responses
 * API over SSE and WebSocket mode ({@code FakeOpenAiResponsesServer}). Depend on the testkit's HTTP and WebSocket
 * servers, the SDK and Jackson.
 */
package openclaw.testkit.provider.openai;
