/**
 * Chat runs: the front-end-neutral way to run an agent turn for a session. Idempotent starts, one run at a time per
 * session, abort, wait, and session commands; used by the WebSocket control plane and the HTTP APIs.
 */
package openclaw.chat;
