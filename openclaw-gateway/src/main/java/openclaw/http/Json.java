package openclaw.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** JSON string writing for the hot probe paths, where an object mapper is not worth its cost. */
final class Json {

    private Json() {}

    /** Appends {@code value} as a quoted, escaped JSON string. */
    static void string(StringBuilder sb, String value) {
        sb.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, sb);
        sb.append('"');
    }
}
