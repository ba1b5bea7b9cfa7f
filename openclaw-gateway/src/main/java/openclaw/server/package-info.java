/**
 * The gateway process: composition of config, auth, logging, storage, HTTP and lifecycle; start-up ordering,
 * hot reload, signal-driven graceful shutdown and the AOT training run. May use every feature package; no feature
 * package may use it. Invariant: shutdown closes parts in reverse order of start and runs once.
 */
package openclaw.server;
