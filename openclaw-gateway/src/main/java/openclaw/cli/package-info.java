/**
 * The {@code openclaw} command line (picocli). Commands either call services in-process or talk to the running
 * gateway over its API. Invariant: commands that do not run the server never load its classes (Helidon, storage),
 * so they start in milliseconds; server classes are referenced only from the gateway commands' method bodies.
 */
package openclaw.cli;
