package openclaw.control;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared copy of the small values an authenticated connection keeps for its whole life (client id, mode, version,
 * platform, role, scopes, caps). Thousands of clients of one kind send the same few values, and every parsed copy
 * costs a socket about 50 bytes per string. Keeps at most {@value #MAX_VALUES} values of at most {@value #MAX_CHARS}
 * chars, first come first kept; any other value is returned as it is, so a client sending junk only costs itself.
 * Thread-safe.
 */
final class SharedValues {

    static final int MAX_VALUES = 1024;
    static final int MAX_CHARS = 256;

    /** Values by themselves; a String, a List and a Set are never equal to each other, so one map holds all. */
    private final ConcurrentHashMap<Object, Object> values = new ConcurrentHashMap<>();

    String text(String value) {
        return share(value, value.length());
    }

    /** An unmodifiable copy of the list, shared with earlier equal lists, its elements shared too. */
    List<String> list(List<String> value) {
        return share(List.copyOf(value.stream().map(this::text).toList()), chars(value));
    }

    /** An unmodifiable copy of the set, shared with earlier equal sets, its elements shared too. */
    Set<String> set(Set<String> value) {
        return share(Set.copyOf(value.stream().map(this::text).toList()), chars(value));
    }

    private static int chars(Iterable<String> strings) {
        int n = 0;
        for (String s : strings) {
            n += s.length() + 1;
        }
        return n;
    }

    @SuppressWarnings("unchecked") // keys are only ever mapped to themselves, and equal keys have the same type
    private <T> T share(T value, int chars) {
        if (chars > MAX_CHARS) {
            return value;
        }
        Object known = values.get(value);
        if (known != null) {
            return (T) known;
        }
        if (values.size() >= MAX_VALUES) {
            return value;
        }
        Object prior = values.putIfAbsent(value, value);
        return prior == null ? value : (T) prior;
    }
}
