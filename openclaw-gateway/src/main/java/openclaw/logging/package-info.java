/**
 * Process logging: JSON lines on stderr and in a rotated file under {@code $OPENCLAW_HOME/logs/}, levels from
 * {@code [logging]}, secrets masked by {@code openclaw.secrets.Redactor} before anything is written. May use
 * {@code openclaw.config} and {@code openclaw.secrets}.
 */
package openclaw.logging;
