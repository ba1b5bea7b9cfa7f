package openclaw.store;

/**
 * Write activity of a {@link Store} since it was opened. With SQLite's group commit several write transactions share
 * one commit (and one fsync), so {@code transactions / commits} is the average batch; with PostgreSQL both are equal.
 *
 * @param transactions write transactions committed (a failed one is not counted)
 * @param commits database commits that carried them
 */
public record WriteStats(long transactions, long commits) {}
