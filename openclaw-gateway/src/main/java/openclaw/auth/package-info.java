/**
 * Gateway authentication: the shared token (configured, stored or generated on first start) and the constant-time
 * check of what callers present. May use {@code openclaw.config} and {@code openclaw.secrets}. Invariant: a token is
 * never logged or returned; only its fingerprint is.
 */
package openclaw.auth;
