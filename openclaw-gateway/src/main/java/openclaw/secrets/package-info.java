/**
 * Secret handling: redaction of secrets in any text that leaves the process, and owner-only (0700/0600) files for
 * generated credentials. A leaf package: depends on the JDK and {@code openclaw.sdk} only. Invariant: no class here
 * ever logs or returns a secret in a message.
 */
package openclaw.secrets;
