package openclaw.openai;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Ids of Responses API objects: a type prefix ({@code resp_}, {@code msg_}, {@code fc_}, ...) and 24 random bytes in
 * hex, unguessable because a stored response can be read by anyone who knows its id and holds a chat key. Thread-safe.
 */
final class ResponseIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ResponseIds() {}

    static String next(String prefix) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }
}
