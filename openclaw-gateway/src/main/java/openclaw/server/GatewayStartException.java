package openclaw.server;

import openclaw.sdk.OpenClawException;

/**
 * The gateway refused to start for a reason the user must fix (unsafe bind, invalid config). Carries the process exit
 * code the CLI should use: 2 for configuration the gateway will not run with.
 */
public final class GatewayStartException extends OpenClawException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public GatewayStartException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    /** The exit code for the CLI. */
    public int exitCode() {
        return exitCode;
    }
}
