package openclaw.session;

import openclaw.sdk.OpenClawException;

/**
 * A session request that cannot be served: the key is malformed or names no stored session. The message is written
 * for the person who sent the key; {@link #reason()} lets a protocol layer pick its error code.
 */
public final class SessionException extends OpenClawException {

    private static final long serialVersionUID = 1L;

    /** Why the request failed. */
    public enum Reason {
        /** The key is empty, too long, or a factory was given a part that cannot be encoded. */
        INVALID_KEY,
        /** No session is stored under the key. */
        NOT_FOUND
    }

    private final Reason reason;

    private SessionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    static SessionException invalidKey(String message) {
        return new SessionException(Reason.INVALID_KEY, message);
    }

    static SessionException notFound(String key) {
        return new SessionException(Reason.NOT_FOUND, "no session '" + SessionKey.abbreviate(key) + "'");
    }

    /** Why the request failed. */
    public Reason reason() {
        return reason;
    }
}
