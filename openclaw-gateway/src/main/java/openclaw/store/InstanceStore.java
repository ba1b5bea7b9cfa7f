package openclaw.store;

import java.util.Optional;

/** The single instance row. Thread-safe. */
public interface InstanceStore {

    /**
     * Records a gateway start: creates the row with a random UUID on the first call, and sets {@code lastStartedAt}
     * and {@code version} on every call.
     */
    InstanceInfo startup(String version);

    /** The instance row, empty before the first {@link #startup(String)}. */
    Optional<InstanceInfo> current();
}
