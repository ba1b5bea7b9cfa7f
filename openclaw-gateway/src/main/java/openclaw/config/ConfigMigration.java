package openclaw.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One rename or value rewrite of a deprecated config key, applied to the parsed tree before validation so old files
 * keep loading. Each applied migration yields a warning naming the old and the new key; when both are present the
 * file is ambiguous and that is an error naming both. When {@code from} equals {@code to}, only the value is
 * rewritten (and only if {@code convert} changes it). Immutable; {@link #ALL} runs in order.
 *
 * @param from deprecated dotted key
 * @param to current dotted key
 * @param convert maps the old value to the new one
 */
record ConfigMigration(String from, String to, UnaryOperator<JsonNode> convert) {

    /** Every migration, oldest first. */
    static final List<ConfigMigration> ALL = List.of(
            new ConfigMigration("gateway.token", "gateway.auth.token", UnaryOperator.identity()),
            new ConfigMigration("gateway.host", "gateway.bind", ConfigMigration::hostToBind),
            new ConfigMigration("storage.path", "storage.url", ConfigMigration::pathToUrl),
            new ConfigMigration("gateway.bind", "gateway.bind", ConfigMigration::hostToBind));

    ConfigMigration {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(convert, "convert");
    }

    /**
     * Applies this migration to {@code root}.
     *
     * @param aliases receives {@code to -> from} so issues about the new key point at the old key's position
     */
    void apply(ObjectNode root, List<ConfigIssue> warnings, List<ConfigIssue> errors, Map<String, String> aliases) {
        JsonNode old = get(root, from);
        if (old == null) {
            return;
        }
        JsonNode converted = convert.apply(old);
        if (from.equals(to)) {
            if (!converted.equals(old)) {
                set(root, to, converted);
                warnings.add(ConfigIssue.at(
                        from, "value " + old + " is deprecated; migrated to " + converted + " (update the file)"));
            }
            return;
        }
        if (get(root, to) != null) {
            errors.add(ConfigIssue.at(
                    from, "both \"" + from + "\" (deprecated) and \"" + to + "\" are set; remove \"" + from + "\""));
            remove(root, from);
            return;
        }
        remove(root, from);
        set(root, to, converted);
        aliases.put(to, from);
        warnings.add(
                ConfigIssue.at(from, "\"" + from + "\" is deprecated; migrated to \"" + to + "\" (update the file)"));
    }

    private static JsonNode hostToBind(JsonNode value) {
        return switch (value.asText()) {
            case "localhost", "127.0.0.1" -> TextNode.valueOf("loopback");
            case "0.0.0.0" -> TextNode.valueOf("lan");
            default -> value;
        };
    }

    private static JsonNode pathToUrl(JsonNode value) {
        return value.isTextual() ? TextNode.valueOf("jdbc:sqlite:" + value.asText()) : value;
    }

    private static JsonNode get(ObjectNode root, String dotted) {
        JsonNode node = root;
        for (String segment : dotted.split("\\.")) {
            node = node.isObject() ? node.get(segment) : null;
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static void remove(ObjectNode root, String dotted) {
        int dot = dotted.lastIndexOf('.');
        if (get(root, dotted.substring(0, dot)) instanceof ObjectNode parent) {
            parent.remove(dotted.substring(dot + 1));
        }
    }

    private static void set(ObjectNode root, String dotted, JsonNode value) {
        ObjectNode node = root;
        String[] segments = dotted.split("\\.");
        for (int i = 0; i < segments.length - 1; i++) {
            JsonNode child = node.get(segments[i]);
            if (child == null) {
                node = node.putObject(segments[i]);
            } else if (child instanceof ObjectNode object) {
                node = object;
            } else {
                // A non-table here is reported by the schema check; keep the tree as written.
                return;
            }
        }
        node.set(segments[segments.length - 1], value);
    }
}
