package openclaw.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The config schema, read reflectively from the record tree rooted at {@link OpenClawConfig} so there is no second,
 * hand-synced definition. Checks a parsed TOML tree before binding (unknown keys with a did-you-mean hint, wrong
 * types, bad enum values), removing every offending node so the remaining tree always binds and defaults fill the
 * gaps; then runs {@link ValidatedBlock} range checks over the bound records. Stateless.
 */
final class ConfigSchema {

    private ConfigSchema() {}

    /** Checks {@code root} against the record tree, normalising values in place and pruning invalid ones. */
    static void check(ObjectNode root, List<ConfigIssue> issues) {
        checkRecord(root, OpenClawConfig.class, "", issues);
    }

    /** The declared type of a dotted key, or a {@link ConfigException}-ready issue when no such key exists. */
    static Type typeOf(String dottedKey, List<ConfigIssue> issues) {
        Type type = OpenClawConfig.class;
        String path = "";
        for (String segment : dottedKey.split("\\.", -1)) {
            path = TomlText.child(path, segment);
            Class<?> raw = raw(type);
            if (raw.isRecord() && !isStringRecord(raw)) {
                Optional<RecordComponent> component = component(raw, segment);
                if (component.isEmpty()) {
                    issues.add(ConfigIssue.at(path, unknownKey(segment, raw)));
                    return Void.class;
                }
                type = component.get().getGenericType();
            } else if (raw == Map.class) {
                type = typeArgument(type, 1);
            } else {
                issues.add(ConfigIssue.at(path, "unknown key (its parent is not a table)"));
                return Void.class;
            }
        }
        return type;
    }

    /** Runs every {@link ValidatedBlock} in the tree. */
    static void validate(Record block, String path, List<ConfigIssue> issues) {
        if (block instanceof ValidatedBlock validated) {
            validated.collectIssues(path, issues);
        }
        for (RecordComponent c : block.getClass().getRecordComponents()) {
            validateValue(read(c, block), TomlText.child(path, c.getName()), issues);
        }
    }

    /** Descends into nested blocks, also when they sit in an optional or are the values of a table of blocks. */
    private static void validateValue(Object value, String path, List<ConfigIssue> issues) {
        if (value instanceof Optional<?> optional) {
            optional.ifPresent(v -> validateValue(v, path, issues));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> validateValue(v, TomlText.child(path, k.toString()), issues));
        } else if (value instanceof Record child) {
            validate(child, path, issues);
        }
    }

    static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    /** A record with a single String component (like {@link Bind}) is written as a plain string. */
    static boolean isStringRecord(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        return components != null && components.length == 1 && components[0].getType() == String.class;
    }

    static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }

    private static void checkRecord(ObjectNode node, Class<?> type, String path, List<ConfigIssue> issues) {
        for (String name : new ArrayList<>(iterable(node))) {
            String childPath = TomlText.child(path, name);
            Optional<RecordComponent> component = component(type, name);
            if (component.isEmpty()) {
                issues.add(ConfigIssue.at(childPath, unknownKey(name, type)));
                node.remove(name);
                continue;
            }
            Optional<JsonNode> normalised =
                    checkValue(node.get(name), component.get().getGenericType(), childPath, issues);
            if (normalised.isPresent()) {
                node.set(name, normalised.get());
            } else {
                node.remove(name);
            }
        }
    }

    private static Optional<JsonNode> checkValue(JsonNode node, Type type, String path, List<ConfigIssue> issues) {
        Class<?> raw = raw(type);
        if (raw == Optional.class) {
            return checkValue(node, typeArgument(type, 0), path, issues);
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return checkInteger(node, raw == int.class || raw == Integer.class, path, issues);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (node.isBoolean() || node.isTextual() && node.asText().matches("true|false")) {
                return Optional.of(BooleanNode.valueOf(node.asBoolean()));
            }
            return mismatch("a boolean", node, path, issues);
        }
        if (raw == String.class || raw.isRecord() && isStringRecord(raw)) {
            return node.isTextual() ? Optional.of(node) : mismatch("a string", node, path, issues);
        }
        if (raw.isEnum()) {
            return checkEnum(node, raw, path, issues);
        }
        if (raw == List.class) {
            if (!node.isArray()) {
                return mismatch("an array", node, path, issues);
            }
            int before = issues.size();
            for (int i = 0; i < node.size(); i++) {
                checkValue(node.get(i), typeArgument(type, 0), path + "[" + i + "]", issues);
            }
            return issues.size() == before ? Optional.of(node) : Optional.empty();
        }
        if (raw.isRecord() || raw == Map.class) {
            if (!(node instanceof ObjectNode object)) {
                return mismatch("a table", node, path, issues);
            }
            if (raw.isRecord()) {
                checkRecord(object, raw, path, issues);
            } else {
                for (String name : new ArrayList<>(iterable(object))) {
                    String childPath = TomlText.child(path, name);
                    checkValue(object.get(name), typeArgument(type, 1), childPath, issues)
                            .ifPresentOrElse(v -> object.set(name, v), () -> object.remove(name));
                }
            }
            return Optional.of(object);
        }
        return Optional.of(node);
    }

    private static Optional<JsonNode> checkInteger(JsonNode node, boolean isInt, String path, List<ConfigIssue> in) {
        long value;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            value = node.asLong();
        } else if (node.isTextual() && node.asText().strip().matches("[+-]?\\d{1,18}")) {
            // Strings are accepted so that "${env:PORT}" works.
            value = Long.parseLong(node.asText().strip());
        } else if (node.isIntegralNumber()) {
            in.add(ConfigIssue.at(path, "is out of range"));
            return Optional.empty();
        } else {
            return mismatch("an integer", node, path, in);
        }
        if (isInt && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
            in.add(ConfigIssue.at(path, value + " is out of range"));
            return Optional.empty();
        }
        return Optional.of(isInt ? IntNode.valueOf((int) value) : LongNode.valueOf(value));
    }

    private static Optional<JsonNode> checkEnum(JsonNode node, Class<?> type, String path, List<ConfigIssue> issues) {
        List<String> allowed = Arrays.stream(type.getEnumConstants())
                .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .toList();
        String choices = allowed.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", "));
        if (!node.isTextual()) {
            return mismatch("one of " + choices, node, path, issues);
        }
        String lower = node.asText().toLowerCase(Locale.ROOT).replace('_', '-');
        if (allowed.contains(lower)) {
            return Optional.of(TextNode.valueOf(lower));
        }
        issues.add(ConfigIssue.at(path, "\"" + node.asText() + "\" is not allowed; expected one of " + choices));
        return Optional.empty();
    }

    private static Optional<JsonNode> mismatch(String expected, JsonNode found, String path, List<ConfigIssue> in) {
        // Says what kind of value was found, never the value itself: it may be a secret.
        in.add(ConfigIssue.at(path, "expected " + expected + " but found " + kind(found)));
        return Optional.empty();
    }

    static String kind(JsonNode node) {
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isIntegralNumber()) {
            return "an integer";
        }
        if (node.isNumber()) {
            return "a float";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isArray()) {
            return "an array";
        }
        return node.isObject() ? "a table" : "no value";
    }

    static String unknownKey(String name, Class<?> recordType) {
        List<String> known = Arrays.stream(recordType.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        return suggestion(name, known)
                .map(s -> "unknown key (did you mean \"" + s + "\"?)")
                .orElseGet(() -> "unknown key (known keys: " + String.join(", ", known) + ")");
    }

    /** The closest candidate by edit distance, if it is close enough to be a plausible typo. */
    static Optional<String> suggestion(String name, List<String> candidates) {
        String lower = name.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, name.length() / 2));
        return candidates.stream()
                .filter(c -> distance(lower, c.toLowerCase(Locale.ROOT)) <= limit)
                .min(Comparator.comparingInt(c -> distance(lower, c.toLowerCase(Locale.ROOT))));
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }

    private static Optional<RecordComponent> component(Class<?> type, String name) {
        return Arrays.stream(type.getRecordComponents())
                .filter(c -> c.getName().equals(name))
                .findFirst();
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Object read(RecordComponent component, Record owner) {
        try {
            return component.getAccessor().invoke(owner);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
