/**
 * Sessions: keys ({@code agent:<agentId>:<channel>:<peer>[:<thread>]} and {@code agent:<agentId>:main}), their
 * lifecycle (idle expiry, maximum age, reset, extend) and the {@code /session} chat commands. May use
 * {@code openclaw.config} and {@code openclaw.store}. Invariant: nothing here deletes transcript entries except
 * {@link openclaw.session.SessionService#delete}; a reset or an expiry only moves where the current conversation starts.
 */
package openclaw.session;
