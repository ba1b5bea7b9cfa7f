package openclaw.provider;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import openclaw.sdk.provider.ProviderException;

/**
 * Turns an HTTP error response into a {@link ProviderException}: retryable for 408, 409, 429 and 5xx (529
 * "overloaded" included), with {@code retry-after} (seconds or an HTTP date) or {@code retry-after-ms} honoured. The
 * message names the provider, the status and the provider's own error message; never a key.
 */
public final class ProviderErrors {

    private ProviderErrors() {}

    /**
     * The exception for an error response.
     *
     * @param provider the provider id, for the message
     * @param status the HTTP status
     * @param headers the response headers
     * @param code the provider's error code or type, empty when unknown
     * @param message the provider's error message, empty when unknown
     */
    public static ProviderException fromResponse(
            String provider, int status, HttpHeaders headers, String code, String message) {
        String hint =
                switch (status) {
                    case 401, 403 -> " (check the provider's apiKey in openclaw.toml)";
                    case 404 -> " (check the model name and the provider's baseUrl)";
                    default -> "";
                };
        String text = provider + " answered HTTP " + status + (code.isEmpty() ? "" : " " + code)
                + (message.isEmpty() ? "" : ": " + message) + hint;
        return new ProviderException(
                text, ProviderException.isRetryableStatus(status), retryAfter(headers), status, code);
    }

    /** The wait a response asks for, from {@code retry-after-ms} or {@code retry-after}. */
    public static Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<String> millis = headers.firstValue("retry-after-ms");
        if (millis.isPresent()) {
            try {
                return Optional.of(
                        Duration.ofMillis((long) Double.parseDouble(millis.get().strip())));
            } catch (NumberFormatException e) {
                // fall through to retry-after
            }
        }
        Optional<String> value = headers.firstValue("retry-after");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String v = value.get().strip();
        try {
            return Optional.of(Duration.ofMillis((long) (Double.parseDouble(v) * 1000)));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException unparseable) {
                return Optional.empty();
            }
        }
    }
}
