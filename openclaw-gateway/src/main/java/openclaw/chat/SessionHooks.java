package openclaw.chat;

import java.util.Optional;

/** What a run asks of the session layer before the model is called. */
public interface SessionHooks {

    /** Opens the session for a turn (creating it, or starting a fresh conversation when it expired). */
    void open(String sessionKey, String agentId);

    /** The reply to a session command such as {@code /session status}, or empty when {@code text} is not one. */
    Optional<String> command(String sessionKey, String agentId, String text);
}
