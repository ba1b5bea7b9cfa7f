package openclaw.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import openclaw.testkit.time.ManualClock;
import org.junit.jupiter.api.AfterEach;

/** Clock, store opening and cleanup shared by the contract classes; subclasses supply a fresh database per test. */
abstract class StoreFixture {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    final ManualClock clock = ManualClock.at(T0);
    private final List<Store> opened = new ArrayList<>();

    /** JDBC URL of this test's empty database; the same on every call within one test. */
    abstract String jdbcUrl();

    abstract StoreKind expectedKind();

    Store open() {
        Store store = Store.open(new StoreSettings(jdbcUrl(), clock));
        opened.add(store);
        return store;
    }

    Store openMigrated() {
        Store store = open();
        store.migrate();
        return store;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(Store::close);
        opened.clear();
    }
}
