/**
 * The gateway WebSocket control plane: OpenClaw's gateway protocol (v3, and v4 where it only adds) on the gateway
 * port. Handshake with challenge, shared-token and Ed25519 device auth, request/response/event frames, keepalive,
 * origin checks and auth throttling, and the methods clients use to chat, run agents and manage sessions.
 */
package openclaw.control;
