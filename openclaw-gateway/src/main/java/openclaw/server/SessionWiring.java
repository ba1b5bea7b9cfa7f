package openclaw.server;

import java.util.Optional;
import openclaw.chat.SessionHooks;
import openclaw.session.SessionCommands;
import openclaw.session.SessionService;

/** Connects chat runs to the session layer (the chat package does not know it). */
public final class SessionWiring {

    private SessionWiring() {}

    /** Hooks that open sessions through {@code sessions} and answer {@code /session} commands. */
    public static SessionHooks hooks(SessionService sessions) {
        SessionCommands commands = new SessionCommands(sessions);
        return new SessionHooks() {
            @Override
            public void open(String sessionKey, String agentId) {
                sessions.open(sessionKey, agentId);
            }

            @Override
            public Optional<String> command(String sessionKey, String agentId, String text) {
                return commands.handle(sessionKey, agentId, text);
            }
        };
    }
}
