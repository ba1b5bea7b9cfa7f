package openclaw.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where each key of a TOML text is written. Jackson's TOML parser yields a tree without positions, so this scanner
 * walks the text itself: {@code [table]} and {@code [[array.table]]} headers, {@code key = value} lines with dotted
 * and quoted keys, inline tables, and values spanning lines (multi-line strings and arrays). Paths use the loader's
 * notation ({@code gateway.auth.token}, {@code items[0].name}). It also records value spans and section ends for
 * {@link ConfigEditor}. Built once per text and immutable afterwards; never throws on malformed input, it just indexes
 * less.
 */
final class TomlKeyIndex {

    /**
     * One written key: 1-based position of its first character and the character span of its value.
     *
     * @param line 1-based line of the key
     * @param column 1-based column of the key
     * @param valueStart offset of the first value character
     * @param valueEnd offset just past the value
     */
    record Entry(int line, int column, int valueStart, int valueEnd) {}

    private final TomlCursor in;
    private final Map<String, Entry> keys = new HashMap<>();
    private final Map<String, Entry> headers = new HashMap<>();
    private final Map<String, Integer> sectionEnds = new HashMap<>();
    private final Map<String, Integer> arrayTableCounts = new HashMap<>();

    private TomlKeyIndex(String text) {
        this.in = new TomlCursor(text);
    }

    /** Indexes a TOML text. */
    static TomlKeyIndex of(String text) {
        TomlKeyIndex index = new TomlKeyIndex(text);
        try {
            index.scan();
        } catch (RuntimeException e) {
            // Malformed input: keep what was indexed so far; the parser reports the real syntax error.
        }
        return index;
    }

    /** The key written at exactly this path (as {@code key = value}, dotted or inside an inline table). */
    Optional<Entry> key(String path) {
        return Optional.ofNullable(keys.get(path));
    }

    /** True when the text has a {@code [path]} header. */
    boolean hasHeader(String path) {
        return headers.containsKey(path);
    }

    /** Offset just past the last statement of a {@code [path]} section ({@code ""} = the root section). */
    OptionalInt sectionEnd(String path) {
        Integer end = sectionEnds.get(path);
        return end == null ? OptionalInt.empty() : OptionalInt.of(end);
    }

    /** Line and column of the path, else of its nearest written ancestor, else {@code {0, 0}}. */
    int[] position(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Entry e = keys.getOrDefault(p, headers.get(p));
            if (e != null) {
                return new int[] {e.line(), e.column()};
            }
            p = parent(p);
        }
        return new int[] {0, 0};
    }

    private static String parent(String path) {
        if (path.endsWith("]")) {
            return path.substring(0, path.lastIndexOf('['));
        }
        int dot = -1;
        boolean quoted = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                dot = i;
            }
        }
        return dot < 0 ? "" : path.substring(0, dot);
    }

    private void scan() {
        String table = "";
        sectionEnds.put("", 0);
        while (in.pos < in.text.length()) {
            in.skipBlanks();
            char c = in.peek(0);
            if (c == '\n' || c == '\r') {
                in.newline();
            } else if (c == '#') {
                in.skipToLineEnd();
            } else if (c == '[') {
                table = header();
            } else if (c != 0) {
                int keyLine = in.line;
                int keyColumn = in.column();
                List<String> segments = in.keySegments();
                in.expect('=');
                in.skipBlanks();
                keyValue(resolve(table, segments), segments.size(), keyLine, keyColumn);
                in.skipToLineEnd();
                if (in.peek(0) == '\r' || in.peek(0) == '\n') {
                    in.newline();
                }
                sectionEnds.put(table, in.pos);
            }
        }
    }

    private String header() {
        int headerLine = in.line;
        int headerColumn = in.column();
        boolean array = in.peek(1) == '[';
        in.pos += array ? 2 : 1;
        List<String> segments = in.keySegments();
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            path.replace(0, path.length(), TomlText.child(path.toString(), segments.get(i)));
            boolean last = i == segments.size() - 1;
            String soFar = path.toString();
            if (last && array) {
                path.append('[')
                        .append(arrayTableCounts.merge(soFar, 1, Integer::sum) - 1)
                        .append(']');
            } else if (arrayTableCounts.containsKey(soFar)) {
                path.append('[').append(arrayTableCounts.get(soFar) - 1).append(']');
            }
        }
        in.expect(']');
        if (array) {
            in.expect(']');
        }
        in.skipToLineEnd();
        if (in.peek(0) == '\r' || in.peek(0) == '\n') {
            in.newline();
        }
        String table = path.toString();
        headers.put(table, new Entry(headerLine, headerColumn, in.pos, in.pos));
        sectionEnds.put(table, in.pos);
        return table;
    }

    private void keyValue(String path, int segmentCount, int keyLine, int keyColumn) {
        int start = in.pos;
        int end = value(path);
        Entry entry = new Entry(keyLine, keyColumn, start, end);
        keys.put(path, entry);
        // Dotted keys define their intermediate tables at the same place.
        String p = path;
        for (int i = 1; i < segmentCount; i++) {
            p = parent(p);
            keys.putIfAbsent(p, entry);
        }
    }

    /** Skips one value starting at {@code in.pos}, indexing inline-table keys; returns the offset past it. */
    private int value(String path) {
        char c = in.peek(0);
        if (in.text.startsWith("\"\"\"", in.pos) || in.text.startsWith("'''", in.pos)) {
            return multiLineString(in.text.substring(in.pos, in.pos + 3));
        }
        if (c == '"' || c == '\'') {
            in.pos++;
            while (in.pos < in.text.length() && in.peek(0) != c && in.peek(0) != '\n') {
                in.pos += (c == '"' && in.peek(0) == '\\') ? 2 : 1;
            }
            in.pos++;
            return in.pos;
        }
        if (c == '[') {
            return array(path);
        }
        if (c == '{') {
            return inlineTable(path);
        }
        int end = in.pos;
        while (in.pos < in.text.length() && ",]}#\r\n".indexOf(in.peek(0)) < 0) {
            in.pos++;
            if (in.peek(-1) != ' ' && in.peek(-1) != '\t') {
                end = in.pos;
            }
        }
        return end;
    }

    private int multiLineString(String delimiter) {
        in.pos += 3;
        while (in.pos < in.text.length() && !in.text.startsWith(delimiter, in.pos)) {
            if (in.peek(0) == '\\' && delimiter.charAt(0) == '"') {
                in.pos++;
            }
            in.advance();
        }
        in.pos += 3;
        // Up to two quotes right before the closing delimiter belong to the content: """a""""" is a"".
        while (in.peek(0) == delimiter.charAt(0)) {
            in.pos++;
        }
        return in.pos;
    }

    private int array(String path) {
        in.pos++;
        int element = 0;
        while (in.pos < in.text.length()) {
            in.skipWhitespaceAndComments();
            if (in.peek(0) == ']') {
                return ++in.pos;
            }
            value(path + "[" + element++ + "]");
            in.skipWhitespaceAndComments();
            if (in.peek(0) == ',') {
                in.pos++;
            } else if (in.peek(0) != ']') {
                throw new IllegalStateException("malformed array");
            }
        }
        return in.pos;
    }

    private int inlineTable(String path) {
        in.pos++;
        while (in.pos < in.text.length()) {
            in.skipBlanks();
            if (in.peek(0) == '}') {
                return ++in.pos;
            }
            int keyLine = in.line;
            int keyColumn = in.column();
            List<String> segments = in.keySegments();
            in.expect('=');
            in.skipBlanks();
            keyValue(resolve(path, segments), segments.size(), keyLine, keyColumn);
            in.skipBlanks();
            if (in.peek(0) == ',') {
                in.pos++;
            } else if (in.peek(0) != '}') {
                throw new IllegalStateException("malformed inline table");
            }
        }
        return in.pos;
    }

    private String resolve(String table, List<String> segments) {
        String path = table;
        for (String s : segments) {
            path = TomlText.child(path, s);
        }
        return path;
    }
}
