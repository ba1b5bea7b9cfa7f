package openclaw.openai;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import openclaw.agent.AgentSpec;
import openclaw.auth.AuthThrottle;
import openclaw.auth.GatewayAuth;
import openclaw.chat.ChatRuns;
import openclaw.sdk.provider.StreamEvent;
import openclaw.session.SessionService;
import openclaw.store.Store;

/**
 * What the API's routes use.
 *
 * @param runs the run engine (one run per session at a time, abort, wait)
 * @param agents the configured agents by id
 * @param defaultAgent the default agent's id
 * @param pendingToolCalls the client tool calls a session is waiting on
 * @param store storage (sessions, transcripts, key-values for API objects)
 * @param sessions session lifecycle
 * @param keys API keys
 * @param auth the gateway token
 * @param throttle failed-auth throttle
 * @param metrics where request counters go
 * @param clock time
 */
public record ApiContext(
        ChatRuns runs,
        Supplier<Map<String, AgentSpec>> agents,
        Supplier<String> defaultAgent,
        Function<String, List<StreamEvent.ToolCall>> pendingToolCalls,
        Store store,
        SessionService sessions,
        ApiKeys keys,
        GatewayAuth auth,
        AuthThrottle throttle,
        MeterRegistry metrics,
        Clock clock) {

    public ApiContext {
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(agents, "agents");
        Objects.requireNonNull(defaultAgent, "defaultAgent");
        Objects.requireNonNull(pendingToolCalls, "pendingToolCalls");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(throttle, "throttle");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(clock, "clock");
    }
}
