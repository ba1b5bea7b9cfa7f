package openclaw.provider.openai;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Transport settings of {@link OpenAiResponsesProvider}, from the config block {@code [response]}: {@code transport =
 * "auto"|"websocket"|"sse"} and {@code [response.openaiWsWarmup] "gpt-5" = true}.
 *
 * @param transport which transport turns use
 * @param warmupModels models whose new sockets get a {@code generate:false} warm-up before the first turn
 * @param sseFallbackCooldown with {@link Transport#AUTO}: how long to stay on SSE after a WebSocket failure
 */
public record ResponsesSettings(Transport transport, Set<String> warmupModels, Duration sseFallbackCooldown) {

    /** AUTO, no warm-ups, a 5-minute SSE cool-down. */
    public static final ResponsesSettings DEFAULTS =
            new ResponsesSettings(Transport.AUTO, Set.of(), Duration.ofMinutes(5));

    /** Copies the set and checks the values. */
    public ResponsesSettings {
        Objects.requireNonNull(transport, "transport");
        warmupModels = Set.copyOf(warmupModels);
        Objects.requireNonNull(sseFallbackCooldown, "sseFallbackCooldown");
        if (sseFallbackCooldown.isNegative()) {
            throw new IllegalArgumentException("sseFallbackCooldown must not be negative");
        }
    }

    /** The same settings with another transport. */
    public ResponsesSettings withTransport(Transport newTransport) {
        return new ResponsesSettings(newTransport, warmupModels, sseFallbackCooldown);
    }

    /** How turns reach the Responses API. */
    public enum Transport {
        /** WebSocket mode, falling back to SSE (and staying there for the cool-down) when the socket fails early. */
        AUTO,
        /** WebSocket mode only; failures surface as {@code ProviderException}. */
        WEBSOCKET,
        /** HTTP SSE only; no socket is ever opened. */
        SSE
    }
}
