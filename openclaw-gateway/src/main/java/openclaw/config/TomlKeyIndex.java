package openclaw.config;

import java.util.ArrayList;
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

    private final String text;
    private final Map<String, Entry> keys = new HashMap<>();
    private final Map<String, Entry> headers = new HashMap<>();
    private final Map<String, Integer> sectionEnds = new HashMap<>();
    private final Map<String, Integer> arrayTableCounts = new HashMap<>();
    private int pos;
    private int line = 1;
    private int lineStart;

    private TomlKeyIndex(String text) {
        this.text = text;
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
        while (pos < text.length()) {
            skipBlanks();
            char c = peek(0);
            if (c == '\n' || c == '\r') {
                newline();
            } else if (c == '#') {
                skipToLineEnd();
            } else if (c == '[') {
                table = header();
            } else if (c != 0) {
                int keyLine = line;
                int keyColumn = column();
                List<String> segments = keySegments();
                expect('=');
                skipBlanks();
                keyValue(resolve(table, segments), segments.size(), keyLine, keyColumn);
                skipToLineEnd();
                if (peek(0) == '\r' || peek(0) == '\n') {
                    newline();
                }
                sectionEnds.put(table, pos);
            }
        }
    }

    private String header() {
        int headerLine = line;
        int headerColumn = column();
        boolean array = peek(1) == '[';
        pos += array ? 2 : 1;
        List<String> segments = keySegments();
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
        expect(']');
        if (array) {
            expect(']');
        }
        skipToLineEnd();
        if (peek(0) == '\r' || peek(0) == '\n') {
            newline();
        }
        String table = path.toString();
        headers.put(table, new Entry(headerLine, headerColumn, pos, pos));
        sectionEnds.put(table, pos);
        return table;
    }

    private void keyValue(String path, int segmentCount, int keyLine, int keyColumn) {
        int start = pos;
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

    /** Skips one value starting at {@code pos}, indexing inline-table keys; returns the offset past it. */
    private int value(String path) {
        char c = peek(0);
        if (text.startsWith("\"\"\"", pos) || text.startsWith("'''", pos)) {
            return multiLineString(text.substring(pos, pos + 3));
        }
        if (c == '"' || c == '\'') {
            pos++;
            while (pos < text.length() && peek(0) != c && peek(0) != '\n') {
                pos += (c == '"' && peek(0) == '\\') ? 2 : 1;
            }
            pos++;
            return pos;
        }
        if (c == '[') {
            return array(path);
        }
        if (c == '{') {
            return inlineTable(path);
        }
        int end = pos;
        while (pos < text.length() && ",]}#\r\n".indexOf(peek(0)) < 0) {
            pos++;
            if (peek(-1) != ' ' && peek(-1) != '\t') {
                end = pos;
            }
        }
        return end;
    }

    private int multiLineString(String delimiter) {
        pos += 3;
        while (pos < text.length() && !text.startsWith(delimiter, pos)) {
            if (peek(0) == '\\' && delimiter.charAt(0) == '"') {
                pos++;
            }
            advance();
        }
        pos += 3;
        // Up to two quotes right before the closing delimiter belong to the content: """a""""" is a"".
        while (peek(0) == delimiter.charAt(0)) {
            pos++;
        }
        return pos;
    }

    private int array(String path) {
        pos++;
        int element = 0;
        while (pos < text.length()) {
            skipWhitespaceAndComments();
            if (peek(0) == ']') {
                return ++pos;
            }
            value(path + "[" + element++ + "]");
            skipWhitespaceAndComments();
            if (peek(0) == ',') {
                pos++;
            } else if (peek(0) != ']') {
                throw new IllegalStateException("malformed array");
            }
        }
        return pos;
    }

    private int inlineTable(String path) {
        pos++;
        while (pos < text.length()) {
            skipBlanks();
            if (peek(0) == '}') {
                return ++pos;
            }
            int keyLine = line;
            int keyColumn = column();
            List<String> segments = keySegments();
            expect('=');
            skipBlanks();
            keyValue(resolve(path, segments), segments.size(), keyLine, keyColumn);
            skipBlanks();
            if (peek(0) == ',') {
                pos++;
            } else if (peek(0) != '}') {
                throw new IllegalStateException("malformed inline table");
            }
        }
        return pos;
    }

    private List<String> keySegments() {
        List<String> segments = new ArrayList<>();
        do {
            skipBlanks();
            char c = peek(0);
            int start = pos;
            if (c == '"' || c == '\'') {
                pos++;
                StringBuilder key = new StringBuilder();
                while (pos < text.length() && peek(0) != c && peek(0) != '\n') {
                    key.append(c == '"' && peek(0) == '\\' ? unescape() : text.charAt(pos++));
                }
                pos++;
                segments.add(key.toString());
            } else {
                while (pos < text.length() && isBareKeyChar(peek(0))) {
                    pos++;
                }
                if (pos == start) {
                    throw new IllegalStateException("expected a key");
                }
                segments.add(text.substring(start, pos));
            }
            skipBlanks();
        } while (peek(0) == '.' && ++pos > 0);
        return segments;
    }

    private String unescape() {
        char e = text.charAt(pos + 1);
        pos += 2;
        return switch (e) {
            case 'n' -> "\n";
            case 't' -> "\t";
            case 'r' -> "\r";
            case 'b' -> "\b";
            case 'f' -> "\f";
            case 'u', 'U' -> {
                int len = e == 'u' ? 4 : 8;
                int cp = Integer.parseInt(text.substring(pos, pos + len), 16);
                pos += len;
                yield Character.toString(cp);
            }
            default -> String.valueOf(e);
        };
    }

    private String resolve(String table, List<String> segments) {
        String path = table;
        for (String s : segments) {
            path = TomlText.child(path, s);
        }
        return path;
    }

    private static boolean isBareKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    private void expect(char c) {
        skipBlanks();
        if (peek(0) != c) {
            throw new IllegalStateException("expected " + c);
        }
        pos++;
    }

    private void skipWhitespaceAndComments() {
        while (pos < text.length()) {
            char c = peek(0);
            if (c == '#') {
                skipToLineEnd();
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                advance();
            } else {
                return;
            }
        }
    }

    private void skipBlanks() {
        while (peek(0) == ' ' || peek(0) == '\t') {
            pos++;
        }
    }

    private void skipToLineEnd() {
        while (pos < text.length() && peek(0) != '\n' && peek(0) != '\r') {
            pos++;
        }
    }

    private void newline() {
        if (peek(0) == '\r') {
            pos++;
        }
        if (peek(0) == '\n') {
            advance();
        }
    }

    private void advance() {
        if (text.charAt(pos) == '\n') {
            line++;
            lineStart = pos + 1;
        }
        pos++;
    }

    private int column() {
        return pos - lineStart + 1;
    }

    private char peek(int offset) {
        int i = pos + offset;
        return i >= 0 && i < text.length() ? text.charAt(i) : 0;
    }
}
