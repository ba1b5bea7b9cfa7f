/**
 * Multi-agent routing: which agent answers a channel account. {@link openclaw.routing.Router} resolves account binding
 * over whole-channel binding over the default agent; {@link openclaw.routing.Bindings} manages the stored bindings.
 * May use {@code openclaw.config} and {@code openclaw.store}. Invariants: bindings and config are read on every call,
 * so changes by another process (the CLI) or a config reload apply without a restart; resolution is deterministic.
 */
package openclaw.routing;
