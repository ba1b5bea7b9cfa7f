package openclaw.routing;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import openclaw.config.OpenClawConfig;

/**
 * The agents a config defines: every {@code [agents.<id>]} plus {@code main}, which always exists, and the default
 * agent that answers when nothing names or binds one. A value computed from one config snapshot.
 *
 * @param ids the agent ids, sorted
 * @param defaultId the default agent, one of {@code ids}
 */
public record AgentRoster(SortedSet<String> ids, String defaultId) {

    /** The agent id used when none is configured or named (OpenClaw's {@code main}). */
    public static final String MAIN = "main";

    public AgentRoster {
        ids = Collections.unmodifiableSortedSet(new TreeSet<>(ids));
        if (!ids.contains(defaultId)) {
            throw new IllegalArgumentException("default agent " + defaultId + " is not one of " + ids);
        }
    }

    /** The agents of {@code config}. */
    public static AgentRoster of(OpenClawConfig config) {
        SortedSet<String> ids = new TreeSet<>(config.agents().keySet());
        ids.add(MAIN);
        return new AgentRoster(ids, defaultAgentId(config));
    }

    /** The agent a turn uses when none is named: {@code main}, else {@code default}, else the first by id. */
    public static String defaultAgentId(OpenClawConfig config) {
        if (config.agents().containsKey(MAIN) || config.agents().isEmpty()) {
            return MAIN;
        }
        return config.agents().containsKey("default") ? "default" : new TreeMap<>(config.agents()).firstKey();
    }

    /** True when {@code id} is a defined agent. */
    public boolean defines(String id) {
        return ids.contains(id);
    }
}
