/**
 * The agent runtime: the turn loop over a model provider and tools, retries and failover, cancellation, and the
 * transcript it writes. May use {@code openclaw.store}, {@code openclaw.tool} and the SDK. Invariant: every turn
 * leaves its user message and its outcome (answer or error) in the session transcript.
 */
package openclaw.agent;
