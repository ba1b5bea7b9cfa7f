/**
 * Process lifecycle: build info, the starting → started → draining phases behind the probes, readiness checks and
 * the pid file that lets the CLI find a running gateway. May use {@code openclaw.secrets}. Invariant: readiness turns
 * false before any draining work starts.
 */
package openclaw.lifecycle;
