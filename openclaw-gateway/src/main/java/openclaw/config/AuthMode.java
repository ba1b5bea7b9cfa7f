package openclaw.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How clients authenticate to the gateway ({@code gateway.auth.mode}); written lowercase in the config file.
 * {@link #NONE} is accepted by the gateway only on a loopback bind, which the gateway checks at startup.
 */
public enum AuthMode {
    /** A shared bearer token (the default). */
    TOKEN,
    /** No authentication. */
    NONE;

    /** The lowercase spelling used in the config file. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
