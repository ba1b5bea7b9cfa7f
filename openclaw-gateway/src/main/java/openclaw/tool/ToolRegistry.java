package openclaw.tool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import openclaw.sdk.OpenClawException;
import openclaw.sdk.tool.Tool;
import openclaw.store.SessionStore;

/** The tools an agent may name in {@code tools = [...]}: the built-ins (and, later, plugin tools). Immutable. */
public final class ToolRegistry {

    private final Map<String, Tool> tools;

    private ToolRegistry(Map<String, Tool> tools) {
        this.tools = Map.copyOf(tools);
    }

    /** The built-in tools. */
    public static ToolRegistry builtIns(SessionStore sessions) {
        Map<String, Tool> tools = new LinkedHashMap<>();
        for (Tool t : List.of(new CurrentTimeTool(), new SessionStatusTool(sessions))) {
            tools.put(t.spec().name(), t);
        }
        return new ToolRegistry(tools);
    }

    /** A registry of exactly these tools (tests, plugins). */
    public static ToolRegistry of(List<Tool> list) {
        Map<String, Tool> tools = new LinkedHashMap<>();
        list.forEach(t -> tools.put(t.spec().name(), t));
        return new ToolRegistry(tools);
    }

    /** The tool with this name. */
    public Optional<Tool> find(String name) {
        return Optional.ofNullable(tools.get(name));
    }

    /** Names of every registered tool. */
    public List<String> names() {
        return List.copyOf(tools.keySet());
    }

    /**
     * The tools for an agent's configured names.
     *
     * @throws OpenClawException naming an unknown tool and the known ones
     */
    public List<Tool> resolve(List<String> names) {
        List<Tool> resolved = new ArrayList<>();
        for (String name : names) {
            resolved.add(find(name)
                    .orElseThrow(() -> new OpenClawException(
                            "unknown tool '" + name + "'; available tools: " + String.join(", ", names()))));
        }
        return resolved;
    }
}
