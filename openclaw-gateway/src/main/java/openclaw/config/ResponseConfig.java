package openclaw.config;

import java.util.Map;
import java.util.Objects;

/**
 * {@code [response]}: how OpenAI Responses turns travel ({@code transport}) and which models get a
 * {@code generate:false} warm-up when their WebSocket opens ({@code [response.openaiWsWarmup] "gpt-5" = true}).
 */
public record ResponseConfig(ResponseTransport transport, Map<String, Boolean> openaiWsWarmup) {

    /** {@code auto}, no warm-ups. */
    public static final ResponseConfig DEFAULTS = new ResponseConfig(ResponseTransport.AUTO, Map.of());

    public ResponseConfig {
        transport = Objects.requireNonNullElse(transport, ResponseTransport.AUTO);
        openaiWsWarmup = Map.copyOf(Objects.requireNonNullElse(openaiWsWarmup, Map.of()));
    }
}
