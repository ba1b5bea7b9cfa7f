/**
 * A minimal loopback WebSocket (RFC 6455) and HTTP/1.1 server for tests of WebSocket clients. JDK only; binds
 * 127.0.0.1. Invariant: one virtual thread per connection, frames from the server are never masked.
 */
package openclaw.testkit.ws;
