package openclaw.sdk;

/**
 * The one unchecked root of every exception OpenClaw throws on purpose.
 *
 * <p>Families extend it ({@code ConfigException}, {@code ProviderException}, {@code GatewayException}, …) so a
 * boundary can tell "a failure we understand and can describe to the user" from a programming error. Messages are
 * written for the person running the gateway and never contain secret values.
 */
public class OpenClawException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a user-facing message.
     *
     * @param message what went wrong and, where possible, how to fix it
     */
    public OpenClawException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a user-facing message and the underlying cause.
     *
     * @param message what went wrong and, where possible, how to fix it
     * @param cause the lower-level failure
     */
    public OpenClawException(String message, Throwable cause) {
        super(message, cause);
    }
}
