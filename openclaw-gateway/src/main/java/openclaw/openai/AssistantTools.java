package openclaw.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import openclaw.sdk.provider.ToolSpec;

/**
 * The {@code tools} of an assistant or a run. Function tools become the turn's client tools: when the model calls one,
 * the run stops in {@code requires_action} until the client submits the outputs. {@code code_interpreter} and
 * {@code file_search} need OpenAI's sandbox and file storage, which this gateway does not have, so they are refused
 * with a 400 rather than silently dropped. Stateless.
 */
final class AssistantTools {

    /** OpenAI's limit on tools per assistant. */
    static final int MAX_TOOLS = 128;

    private AssistantTools() {}

    /**
     * Validates {@code tools} and returns them normalised.
     *
     * @param param the request field, for errors ({@code tools})
     */
    static ArrayNode validate(JsonNode tools, String param) {
        if (!tools.isArray()) {
            throw JsonBody.wrongType(param, "an array", tools);
        }
        if (tools.size() > MAX_TOOLS) {
            throw ApiError.invalid(param, "Invalid '" + param + "': at most " + MAX_TOOLS + " tools are allowed.");
        }
        ArrayNode out = ApiResponses.MAPPER.createArrayNode();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tools.size(); i++) {
            String at = param + "[" + i + "]";
            JsonNode tool = tools.get(i);
            if (!tool.isObject()) {
                throw JsonBody.wrongType(at, "an object", tool);
            }
            String type = tool.path("type").asText("");
            switch (type) {
                case "function" -> out.add(function(tool.path("function"), at + ".function", names));
                case "code_interpreter", "file_search" ->
                    throw ApiError.invalid(
                            at + ".type",
                            "The '" + type + "' tool is not supported by this gateway; use function tools (the"
                                    + " agent's own tools run on the gateway without being listed).");
                default ->
                    throw ApiError.invalid(
                            at + ".type",
                            "Invalid '" + at + ".type': expected 'function', 'code_interpreter' or 'file_search'.");
            }
        }
        return out;
    }

    private static ObjectNode function(JsonNode fn, String at, Set<String> names) {
        if (!fn.isObject()) {
            throw ApiError.invalid(at, "Missing required parameter: '" + at + "'.");
        }
        JsonBody body = JsonBody.of((ObjectNode) fn);
        String name = body.string("name")
                .orElseThrow(() -> ApiError.invalid(at + ".name", "Missing required parameter: '" + at + ".name'."));
        if (!name.matches("[a-zA-Z0-9_-]{1,64}")) {
            throw ApiError.invalid(
                    at + ".name", "Invalid '" + at + ".name': '" + name + "' must match ^[a-zA-Z0-9_-]{1,64}$.");
        }
        if (!names.add(name)) {
            throw ApiError.invalid(at + ".name", "Duplicate function name '" + name + "'.");
        }
        ObjectNode f = AssistantJson.object().put("name", name);
        body.string("description").ifPresent(d -> f.put("description", d));
        if (body.has("parameters")) {
            f.set("parameters", body.object("parameters").orElseThrow());
        }
        body.bool("strict").ifPresent(s -> f.put("strict", s));
        ObjectNode tool = AssistantJson.object().put("type", "function");
        tool.set("function", f);
        return tool;
    }

    /** The client tools of a turn, from tools that {@link #validate} accepted. */
    static List<ToolSpec> specs(JsonNode tools) {
        List<ToolSpec> specs = new ArrayList<>();
        for (JsonNode t : tools) {
            JsonNode f = t.path("function");
            JsonNode params = f.path("parameters");
            String schema = params.isObject() ? params.toString() : "{\"type\":\"object\",\"properties\":{}}";
            specs.add(
                    new ToolSpec(f.path("name").asText(), f.path("description").asText(""), schema));
        }
        return specs;
    }
}
