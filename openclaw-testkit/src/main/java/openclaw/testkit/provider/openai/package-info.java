/**
 * Loopback fake of OpenAI's streamed Chat Completions API for provider tests: real chunk JSON, tool-call fragments,
 * usage chunk, {@code [DONE]} and the real error envelope. Depends on the testkit HTTP server and Jackson only.
 */
package openclaw.testkit.provider.openai;
