package openclaw.store;

import openclaw.testkit.db.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Runs the contract against the local PostgreSQL; fails (never skips) when the server is unreachable. */
class PostgresStoreIT extends StoreContract {

    private PostgresTestDatabase database;

    @BeforeEach
    void createSchema() {
        database = PostgresTestDatabase.create();
    }

    @AfterEach
    void dropSchema() {
        closeStores();
        database.close();
    }

    @Override
    String jdbcUrl() {
        return database.jdbcUrl();
    }

    @Override
    StoreKind expectedKind() {
        return StoreKind.POSTGRESQL;
    }
}
