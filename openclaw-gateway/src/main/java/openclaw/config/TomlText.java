package openclaw.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Small TOML writing helpers shared by the editor, the query and the key index: escaping basic strings, quoting keys,
 * joining key paths and rendering JSON trees as TOML values or tables. Stateless.
 */
final class TomlText {

    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private TomlText() {}

    /** A TOML basic string literal, quotes included. */
    static String basicString(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** One key segment, bare when possible, otherwise quoted. */
    static String key(String segment) {
        return BARE_KEY.matcher(segment).matches() ? segment : basicString(segment);
    }

    /** Appends a segment to a dotted path ({@code ""} is the root). */
    static String child(String path, String segment) {
        return path.isEmpty() ? key(segment) : path + "." + key(segment);
    }

    /** Joins segments into a dotted path. */
    static String path(List<String> segments) {
        return segments.stream().map(TomlText::key).collect(Collectors.joining("."));
    }

    /** A JSON value as an inline TOML value; objects become inline tables, nulls an empty string. */
    static String value(JsonNode node) {
        if (node.isTextual()) {
            return basicString(node.asText());
        }
        if (node.isArray()) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(value(node.get(i)));
            }
            return out.append(']').toString();
        }
        if (node.isObject()) {
            StringBuilder out = new StringBuilder("{");
            Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
            String sep = " ";
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getValue().isNull()) {
                    out.append(sep).append(key(field.getKey())).append(" = ").append(value(field.getValue()));
                    sep = ", ";
                }
            }
            return out.append(sep.equals(" ") ? "}" : " }").toString();
        }
        return node.isNull() ? "\"\"" : node.asText();
    }

    /** A table as a TOML document: {@code [path]}, its scalar keys, then its sub-tables, without a trailing newline. */
    static String table(String path, JsonNode table) {
        StringBuilder out = new StringBuilder();
        appendTable(out, path, table);
        return out.toString().strip();
    }

    private static void appendTable(StringBuilder out, String path, JsonNode table) {
        if (!path.isEmpty()) {
            out.append('[').append(path).append("]\n");
        }
        table.properties().forEach(field -> {
            JsonNode v = field.getValue();
            if (!v.isObject() && !v.isNull()) {
                out.append(key(field.getKey())).append(" = ").append(value(v)).append('\n');
            }
        });
        table.properties().forEach(field -> {
            if (field.getValue().isObject()) {
                out.append('\n');
                appendTable(out, child(path, field.getKey()), field.getValue());
            }
        });
    }
}
