package openclaw.store;

/** The database behind a {@link Store}: embedded SQLite or a shared PostgreSQL server. */
public enum StoreKind {
    /** A single SQLite file, one writer; the default for a single gateway. */
    SQLITE,
    /** A PostgreSQL database, for deployments where several processes share state. */
    POSTGRESQL
}
