package openclaw.sdk.provider;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import openclaw.sdk.OpenClawException;

/**
 * A model provider failed. Carries what the agent loop needs to decide: whether retrying the same model can help, how
 * long the provider asked to wait, and the HTTP status and provider error code when there were any. Messages never
 * contain API keys.
 */
public class ProviderException extends OpenClawException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;
    private final transient Optional<Duration> retryAfter;
    private final int status;
    private final String code;

    /**
     * Creates a provider failure.
     *
     * @param message what went wrong, for the user
     * @param retryable true for 408/429/5xx, overload and broken connections
     * @param retryAfter how long the provider asked to wait
     * @param status the HTTP status, or 0 when there was none (a transport failure)
     * @param code the provider's error code or type, or empty
     */
    public ProviderException(
            String message, boolean retryable, Optional<Duration> retryAfter, int status, String code) {
        super(message);
        this.retryable = retryable;
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * A transport failure (refused connection, stream cut): retryable, no status.
     *
     * @param message what went wrong
     * @param cause the I/O failure
     * @return the exception
     */
    public static ProviderException transport(String message, Throwable cause) {
        ProviderException e = new ProviderException(message, true, Optional.empty(), 0, "transport");
        e.initCause(cause);
        return e;
    }

    /**
     * The conventional retry decision for an HTTP status: 408, 409, 429 and 5xx are retryable.
     *
     * @param status the HTTP status
     * @return true when a retry may succeed
     */
    public static boolean isRetryableStatus(int status) {
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }

    /**
     * Whether retrying the same request may succeed.
     *
     * @return true when retryable
     */
    public boolean retryable() {
        return retryable;
    }

    /**
     * How long the provider asked to wait before retrying ({@code retry-after}).
     *
     * @return the wait, if the provider gave one
     */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /**
     * The HTTP status.
     *
     * @return the status, 0 for transport failures
     */
    public int status() {
        return status;
    }

    /**
     * The provider's error code or type (e.g. {@code rate_limit_error}), empty when unknown.
     *
     * @return the code
     */
    public String code() {
        return code;
    }
}
