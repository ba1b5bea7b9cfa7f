package openclaw.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps between a TOML/JSON tree that {@link ConfigSchema#check} has already normalised and the config record tree,
 * through the records' canonical constructors and accessors. Absent keys take the value of the same key in the
 * parent's default record, else the type's {@code DEFAULTS} constant. Replaces Jackson data binding here because
 * building Jackson's (de)serializers for the record tree cost about 150 ms of every cold start. Stateless.
 */
final class RecordBinder {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RecordBinder() {}

    /** The record of {@code type} described by {@code node}; gaps filled from {@code defaults} when given. */
    static <R extends Record> R bind(ObjectNode node, Class<R> type, Optional<R> defaults) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        Optional<? extends Record> fallback = defaults.isPresent() ? defaults : defaultsOf(type);
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            Object defaultValue = fallback.map(d -> read(c, d)).orElse(null);
            JsonNode value = node.get(c.getName());
            args[i] = value == null ? defaultValue : convert(value, c.getGenericType(), defaultValue);
        }
        try {
            Constructor<R> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getSimpleName() + ": " + e.getCause(), e);
        }
    }

    /** The tree form of a config value (records as tables, enums by their lower-case names, empty optionals left out). */
    static JsonNode toTree(Object value) {
        if (value instanceof Record record) {
            Class<?> type = record.getClass();
            if (ConfigSchema.isStringRecord(type)) {
                return NODES.textNode((String) read(type.getRecordComponents()[0], record));
            }
            ObjectNode object = NODES.objectNode();
            for (RecordComponent c : type.getRecordComponents()) {
                Object v = read(c, record);
                if (!(v instanceof Optional<?> o && o.isEmpty())) {
                    object.set(c.getName(), toTree(v));
                }
            }
            return object;
        }
        return switch (value) {
            case Optional<?> o -> toTree(o.orElseThrow());
            case Enum<?> e -> NODES.textNode(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            case Integer i -> NODES.numberNode(i);
            case Long l -> NODES.numberNode(l);
            case Boolean b -> NODES.booleanNode(b);
            case String s -> NODES.textNode(s);
            case List<?> list -> {
                ArrayNode array = NODES.arrayNode();
                list.forEach(item -> array.add(toTree(item)));
                yield array;
            }
            case Map<?, ?> map -> {
                ObjectNode object = NODES.objectNode();
                map.forEach((k, v) -> object.set(k.toString(), toTree(v)));
                yield object;
            }
            default -> NODES.textNode(value.toString());
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(JsonNode node, Type type, Object defaultValue) {
        Class<?> raw = ConfigSchema.raw(type);
        if (raw == Optional.class) {
            return Optional.of(convert(node, ConfigSchema.typeArgument(type, 0), null));
        }
        if (raw == int.class || raw == Integer.class) {
            return node.intValue();
        }
        if (raw == long.class || raw == Long.class) {
            return node.longValue();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return node.booleanValue();
        }
        if (raw == String.class) {
            return node.textValue();
        }
        if (raw.isEnum()) {
            String wanted = node.textValue().replace('-', '_');
            for (Object constant : raw.getEnumConstants()) {
                if (((Enum<?>) constant).name().equalsIgnoreCase(wanted)) {
                    return constant;
                }
            }
            throw new IllegalStateException("unchecked enum value for " + raw.getSimpleName());
        }
        if (raw == List.class) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(convert(item, ConfigSchema.typeArgument(type, 0), null)));
            return List.copyOf(items);
        }
        if (raw == Map.class) {
            Map<String, Object> entries = new LinkedHashMap<>();
            node.properties()
                    .forEach(e ->
                            entries.put(e.getKey(), convert(e.getValue(), ConfigSchema.typeArgument(type, 1), null)));
            return Map.copyOf(entries);
        }
        if (raw.isRecord() && ConfigSchema.isStringRecord(raw)) {
            return construct((Class<? extends Record>) raw, node.textValue());
        }
        if (raw.isRecord()) {
            return bind((ObjectNode) node, (Class) raw, Optional.ofNullable((Record) defaultValue));
        }
        throw new IllegalStateException("unsupported config type " + type);
    }

    private static Object construct(Class<? extends Record> type, String value) {
        try {
            Constructor<? extends Record> c = type.getDeclaredConstructor(String.class);
            c.setAccessible(true);
            return c.newInstance(value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getSimpleName(), e);
        }
    }

    /** The type's public static {@code DEFAULTS} constant, if it declares one. */
    private static Optional<? extends Record> defaultsOf(Class<?> type) {
        try {
            Field field = type.getField("DEFAULTS");
            if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof Record r) {
                return Optional.of(r);
            }
        } catch (ReflectiveOperationException e) {
            // no DEFAULTS: absent keys become null and the record's compact constructor decides
        }
        return Optional.empty();
    }

    private static Object read(RecordComponent component, Record owner) {
        try {
            return component.getAccessor().invoke(owner);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
