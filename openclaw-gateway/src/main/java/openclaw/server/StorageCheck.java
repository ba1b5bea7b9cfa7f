package openclaw.server;

import openclaw.lifecycle.ReadinessCheck;
import openclaw.store.Store;

/** Readiness of storage: a cheap liveness query on every probe. */
record StorageCheck(Store store) implements ReadinessCheck {

    @Override
    public String name() {
        return "storage";
    }

    @Override
    public boolean healthy() {
        store.check();
        return true;
    }
}
