package openclaw.store;

import openclaw.sdk.OpenClawException;

/**
 * A persistence failure described for the person running the gateway: the message names the database file or URL
 * (never a password) and, where one is known, the fix.
 */
public class StoreException extends OpenClawException {

    private static final long serialVersionUID = 1L;

    /** A failure without a lower-level cause. */
    public StoreException(String message) {
        super(message);
    }

    /** A failure caused by a JDBC, pool or migration error. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
