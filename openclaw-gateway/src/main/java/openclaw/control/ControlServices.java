package openclaw.control;

import java.time.Clock;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import openclaw.agent.AgentSpec;
import openclaw.auth.AuthThrottle;
import openclaw.auth.GatewayAuth;
import openclaw.chat.ChatRuns;
import openclaw.config.OpenClawConfig;
import openclaw.lifecycle.GatewayStatus;
import openclaw.session.SessionService;
import openclaw.store.Store;

/**
 * What the control plane uses.
 *
 * @param auth the gateway credentials
 * @param throttle failed-auth throttle shared with the HTTP APIs
 * @param store sessions, transcripts and device tokens
 * @param sessions session lifecycle over the store
 * @param runs chat runs
 * @param agents the agents by id (current config)
 * @param defaultAgent the agent used when none is named
 * @param config the current config
 * @param status the gateway status snapshot
 * @param clock time source
 * @param port the bound HTTP port (known once the listener started)
 */
public record ControlServices(
        GatewayAuth auth,
        AuthThrottle throttle,
        Store store,
        SessionService sessions,
        ChatRuns runs,
        Supplier<Map<String, AgentSpec>> agents,
        Supplier<String> defaultAgent,
        Supplier<OpenClawConfig> config,
        Supplier<GatewayStatus> status,
        Clock clock,
        IntSupplier port) {

    openclaw.store.KeyValueStore keyValues() {
        return store.keyValues();
    }
}
