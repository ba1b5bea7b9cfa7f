package openclaw.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import openclaw.sdk.provider.StreamEvent;

/**
 * Merges streamed {@code delta.tool_calls} fragments into complete calls, keyed by {@code index} (protocols.md
 * section 0.2): only the first fragment of a call carries {@code id}, {@code type} and {@code function.name}; later
 * ones carry the index and pieces of {@code function.arguments}. Parallel calls interleave freely. Servers that omit
 * {@code index} (older Ollama sends each call whole) get one: a fragment with a new {@code id} starts the next call,
 * one without an id continues the last. Holds only the calls of the current turn; one per stream, not thread-safe.
 */
final class ToolCallMerger {

    /** One call being assembled. */
    private static final class Partial {
        private String id = "";
        private String name = "";
        private final StringBuilder arguments = new StringBuilder();
    }

    private final TreeMap<Integer, Partial> calls = new TreeMap<>();

    /** Adds the fragments of one {@code delta.tool_calls} array; malformed entries are skipped. */
    void add(JsonNode toolCalls) {
        if (!toolCalls.isArray()) {
            return;
        }
        for (JsonNode fragment : toolCalls) {
            if (fragment.isObject()) {
                merge(fragment);
            }
        }
    }

    /** Whether any call has been seen. */
    boolean isEmpty() {
        return calls.isEmpty();
    }

    /** The merged calls in index order; empties the merger. */
    List<StreamEvent.ToolCall> drain() {
        List<StreamEvent.ToolCall> out = new ArrayList<>(calls.size());
        calls.forEach((index, p) -> out.add(new StreamEvent.ToolCall(
                // A call id is needed to answer the call; a server that sends none gets a stable stand-in.
                p.id.isEmpty() ? "call_" + index : p.id, p.name, p.arguments.toString())));
        calls.clear();
        return out;
    }

    private void merge(JsonNode fragment) {
        String id = fragment.path("id").asText("");
        Partial partial = calls.computeIfAbsent(indexOf(fragment, id), i -> new Partial());
        if (!id.isEmpty() && partial.id.isEmpty()) {
            partial.id = id;
        }
        JsonNode function = fragment.path("function");
        String name = function.path("name").asText("");
        if (!name.isEmpty() && partial.name.isEmpty()) {
            partial.name = name;
        }
        JsonNode arguments = function.path("arguments");
        if (arguments.isTextual()) {
            partial.arguments.append(arguments.asText());
        } else if (arguments.isObject()) {
            // Some servers send the arguments as an object rather than the JSON string the spec asks for.
            partial.arguments.append(arguments);
        }
    }

    private int indexOf(JsonNode fragment, String id) {
        JsonNode index = fragment.path("index");
        if (index.canConvertToInt()) {
            return index.asInt();
        }
        if (calls.isEmpty()) {
            return 0;
        }
        int last = calls.lastKey();
        boolean newCall = !id.isEmpty() && !id.equals(calls.get(last).id);
        return newCall ? last + 1 : last;
    }
}
