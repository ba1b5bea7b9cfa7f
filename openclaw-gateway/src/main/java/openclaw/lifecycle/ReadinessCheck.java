package openclaw.lifecycle;

/**
 * One dependency the gateway needs before it can take traffic (storage, later channel accounts). Called on the
 * request thread of every {@code /readyz} probe, so it must be cheap; an exception counts as failing.
 */
public interface ReadinessCheck {

    /** Short stable name reported in {@code failing[]}, e.g. {@code "storage"}. */
    String name();

    /** True when healthy. */
    boolean healthy();
}
