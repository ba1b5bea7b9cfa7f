/**
 * Metrics: the one Prometheus meter registry of the process and its JVM/process meters. A leaf package (Micrometer
 * only); features depend on it to record, {@code openclaw.http} to expose {@code /metrics}.
 */
package openclaw.metrics;
