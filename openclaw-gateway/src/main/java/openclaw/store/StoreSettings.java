package openclaw.store;

import java.time.Clock;
import java.util.Objects;

/**
 * How to open a {@link Store}: the JDBC URL ({@code jdbc:sqlite:<file>} or {@code jdbc:postgresql://host:port/db})
 * and the clock every stored timestamp comes from.
 */
public record StoreSettings(String jdbcUrl, Clock clock) {

    /** Validates that both parts are present. */
    public StoreSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(clock, "clock");
    }

    /** Settings with the system UTC clock. */
    public static StoreSettings of(String jdbcUrl) {
        return new StoreSettings(jdbcUrl, Clock.systemUTC());
    }

    @Override
    public String toString() {
        return "StoreSettings[" + StoreUrl.redact(jdbcUrl) + "]";
    }
}
