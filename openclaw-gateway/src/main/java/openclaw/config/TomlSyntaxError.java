package openclaw.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Turns the TOML parser's terse exceptions ("Newline not permitted here", "Unknown token") into a positioned issue
 * that says what was expected and what was found, by looking at the text around the reported location. Stateless.
 */
final class TomlSyntaxError {

    private TomlSyntaxError() {}

    /** A single issue with empty path, the parser's line and column and a human message. */
    static ConfigIssue describe(JsonProcessingException e, String text) {
        JsonLocation location = e.getLocation();
        int line = location == null ? 0 : Math.max(0, location.getLineNr());
        int column = location == null ? 0 : Math.max(0, location.getColumnNr());
        String lineText = lineText(text, line);
        String before = lineText.substring(0, Math.max(0, Math.min(lineText.length(), column - 1)));
        String found = found(lineText, column);
        String original = String.valueOf(e.getOriginalMessage());
        int eq = lineText.indexOf('=');
        String value = eq < 0 ? "" : lineText.substring(eq + 1).strip();
        if ((original.equals("Unknown token") || original.startsWith("More data after value"))
                && value.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
            // The lexer splits a bare word like "info" into "inf" + "o"; the real mistake is the missing quotes.
            return new ConfigIssue(
                    "", line, column, "expected a value but found unquoted text '" + value + "' (quote strings)");
        }
        return new ConfigIssue("", line, column, message(original, before, found));
    }

    private static String message(String original, String before, String found) {
        String trimmed = before.strip();
        return switch (original) {
            case "Newline not permitted here" -> {
                if (trimmed.endsWith("=")) {
                    yield "expected a value after '=' but found end of line";
                }
                if (trimmed.startsWith("[") && !trimmed.contains("]")) {
                    yield "expected ']' to close the table header but found end of line";
                }
                if (count(trimmed, '"') % 2 == 1 || count(trimmed, '\'') % 2 == 1) {
                    yield "unterminated string: expected a closing quote but found end of line";
                }
                yield "expected more on this line but found end of line";
            }
            case "Duplicate key" -> "duplicate key: this key is already defined";
            case "Table redefined" -> "table defined twice";
            case "Unknown token" ->
                "expected a value (string, number, boolean, date, array or inline table) but found " + found;
            default -> {
                if (original.startsWith("More data after value")) {
                    yield "expected end of line after a value but found " + found
                            + " (missing comma, quote or bracket?)";
                }
                yield original.isEmpty()
                        ? "invalid TOML"
                        : Character.toLowerCase(original.charAt(0)) + original.substring(1);
            }
        };
    }

    private static String found(String lineText, int column) {
        if (column < 1 || column > lineText.length()) {
            return "end of line";
        }
        String rest = lineText.substring(column - 1).strip();
        int end = 0;
        while (end < rest.length() && end < 20 && !Character.isWhitespace(rest.charAt(end))) {
            end++;
        }
        return rest.isEmpty() ? "end of line" : "'" + rest.substring(0, end) + "'";
    }

    private static String lineText(String text, int line) {
        String[] lines = text.split("\r?\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1] : "";
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(ch -> ch == c).count();
    }
}
