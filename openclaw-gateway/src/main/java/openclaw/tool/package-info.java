/**
 * Built-in tools agents can offer their models ({@code current_time}, {@code session_status}) and the registry that
 * resolves an agent's configured tool names. Uses {@code openclaw.sdk} and, for session facts, {@code openclaw.store}.
 */
package openclaw.tool;
