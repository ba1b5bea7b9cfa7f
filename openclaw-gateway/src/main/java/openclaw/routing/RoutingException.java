package openclaw.routing;

import openclaw.sdk.OpenClawException;

/**
 * A binding request that cannot be carried out: an agent the config does not define, or a channel account that is
 * malformed, unknown or ambiguous. The message names what was wrong and how to fix it.
 */
public final class RoutingException extends OpenClawException {

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    /** Creates the exception. */
    public RoutingException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** What kind of problem it is. */
    public Reason reason() {
        return reason;
    }

    /** Kinds of problems; the CLI maps {@link #UNKNOWN_AGENT} and {@link #NOT_BOUND} to exit 1, the rest to 2. */
    public enum Reason {
        /** The agent is not defined in config. */
        UNKNOWN_AGENT,
        /** The binding to remove does not exist. */
        NOT_BOUND,
        /** A channel type, account name or {@code channel:account} spec is malformed or unknown. */
        BAD_TARGET,
        /** An account name is configured on several channels. */
        AMBIGUOUS_ACCOUNT
    }
}
