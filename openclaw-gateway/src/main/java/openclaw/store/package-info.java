/**
 * Persistence: SQLite (embedded default) or PostgreSQL behind {@link openclaw.store.Store} and its small stores.
 * A leaf package: depends only on {@code openclaw.sdk} and the JDBC libraries (drivers, HikariCP, Flyway).
 * Invariants: transcripts are append-only (a database trigger rejects UPDATE), seqs are gap-free per session,
 * timestamps are epoch milliseconds from the configured clock, a write returns only once it is committed and durable
 * (on SQLite concurrent writes share a commit, see {@code GroupCommit}), and opening or migrating never rewrites data.
 */
package openclaw.store;
