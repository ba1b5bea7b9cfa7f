package openclaw.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A position in a TOML text for {@link TomlKeyIndex}: offset, 1-based line and the low-level moves (blanks, comments,
 * newlines, keys). Mutable and confined to the one scan that owns it.
 */
final class TomlCursor {

    final String text;
    int pos;
    int line = 1;
    private int lineStart;

    TomlCursor(String text) {
        this.text = text;
    }

    boolean more() {
        return pos < text.length();
    }

    boolean startsWith(String prefix) {
        return text.startsWith(prefix, pos);
    }

    List<String> keySegments() {
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

    String unescape() {
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

    static boolean isBareKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    void expect(char c) {
        skipBlanks();
        if (peek(0) != c) {
            throw new IllegalStateException("expected " + c);
        }
        pos++;
    }

    void skipWhitespaceAndComments() {
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

    void skipBlanks() {
        while (peek(0) == ' ' || peek(0) == '\t') {
            pos++;
        }
    }

    void skipToLineEnd() {
        while (pos < text.length() && peek(0) != '\n' && peek(0) != '\r') {
            pos++;
        }
    }

    void newline() {
        if (peek(0) == '\r') {
            pos++;
        }
        if (peek(0) == '\n') {
            advance();
        }
    }

    void advance() {
        if (text.charAt(pos) == '\n') {
            line++;
            lineStart = pos + 1;
        }
        pos++;
    }

    int column() {
        return pos - lineStart + 1;
    }

    char peek(int offset) {
        int i = pos + offset;
        return i >= 0 && i < text.length() ? text.charAt(i) : 0;
    }
}
