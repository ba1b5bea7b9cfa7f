/**
 * The gateway's HTTP surface on the gateway port: probes, {@code /metrics}, the status route and (later) the
 * OpenAI-compatible API and WebChat files. May use lifecycle, auth, metrics and feature services. Invariant: client
 * mistakes get 4xx with an error body, never a 500, and no response ever contains a secret.
 */
package openclaw.http;
