/**
 * A loopback fake of the Anthropic Messages API ({@link openclaw.testkit.provider.anthropic.FakeAnthropicServer}) that
 * streams real Anthropic SSE for the provider contract suite and for protocol tests. Depends on the testkit's HTTP
 * fake and the SDK only (JSON is written by hand, so the testkit needs no Jackson).
 */
package openclaw.testkit.provider.anthropic;
