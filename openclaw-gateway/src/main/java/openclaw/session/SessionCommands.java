package openclaw.session;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code /session} chat commands, the same in every channel: {@code /session status}, {@code /session reset}
 * ({@code /new} and {@code /reset} too, as in OpenClaw) and {@code /session extend}. A channel or the control plane
 * passes every incoming message to {@link #handle} before running a turn; a reply means the message was a command and
 * must not reach the model. Stateless apart from the service; thread-safe.
 */
public final class SessionCommands {

    /** Shown for {@code /session} alone and for an unknown subcommand. */
    static final String USAGE = "Usage: /session status | /session reset | /session extend"
            + " (/new or /reset also start a new conversation)";

    private final SessionService sessions;

    public SessionCommands(SessionService sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    /**
     * Runs {@code text} if it is a session command for the session {@code sessionKey} of agent {@code agentId}.
     *
     * @return the reply for the user, or empty when {@code text} is not a session command
     */
    public Optional<String> handle(String sessionKey, String agentId, String text) {
        Objects.requireNonNull(sessionKey, "sessionKey");
        String[] words = text.strip().split("\\s+");
        String command = commandWord(words[0]);
        if ((command.equals("/new") || command.equals("/reset")) && words.length == 1) {
            return Optional.of(reset(sessionKey, agentId));
        }
        if (!command.equals("/session")) {
            return Optional.empty();
        }
        if (words.length != 2) {
            return Optional.of(USAGE);
        }
        return Optional.of(
                switch (words[1].toLowerCase(Locale.ROOT)) {
                    case "status" -> status(sessionKey, agentId);
                    case "reset", "new" -> reset(sessionKey, agentId);
                    case "extend" -> extend(sessionKey, agentId);
                    default -> "Unknown /session command '" + words[1] + "'. " + USAGE;
                });
    }

    /** The command word in lower case, without a Telegram-style {@code @BotName} suffix. */
    private static String commandWord(String word) {
        int at = word.indexOf('@');
        return (at > 0 ? word.substring(0, at) : word).toLowerCase(Locale.ROOT);
    }

    private String status(String key, String agentId) {
        Optional<SessionView> found = sessions.find(key);
        if (found.isEmpty()) {
            return "Session " + key + " (agent " + agentId + ") has no messages yet.\nPolicy: "
                    + SessionView.summary(sessions.policy(key));
        }
        SessionView view = found.get();
        return String.join(
                "\n",
                "Session " + view.key(),
                "Agent: " + view.agentId(),
                "Messages in this conversation: " + view.messages(),
                "Started: " + time(view.session().segmentStartedAt()),
                "Last activity: " + time(view.session().updatedAt()),
                "Expires: " + expiry(view),
                "Policy: " + view.policySummary());
    }

    private String reset(String key, String agentId) {
        SessionView view = existing(key, agentId) ? sessions.reset(key) : sessions.open(key, agentId);
        long earlier = view.session().historyFrom();
        if (earlier == 0) {
            return "Started a new conversation.";
        }
        return "Started a new conversation. The earlier " + (earlier == 1 ? "entry stays" : earlier + " entries stay")
                + " stored but no longer part of it.";
    }

    private String extend(String key, String agentId) {
        SessionView view = existing(key, agentId) ? sessions.extend(key) : sessions.open(key, agentId);
        return view.expiresAt()
                .map(t -> "Session extended: it now expires at " + time(t) + " (" + view.policySummary() + ").")
                .orElse("This session never expires (" + view.policySummary() + ").");
    }

    private boolean existing(String key, String agentId) {
        Objects.requireNonNull(agentId, "agentId");
        return sessions.find(key).isPresent();
    }

    static String expiry(SessionView view) {
        if (view.expiresAt().isEmpty()) {
            return "never";
        }
        String at = time(view.expiresAt().get());
        return view.expired() ? "expired at " + at + "; the next message starts a new conversation" : at;
    }

    /** An instant to the second, e.g. {@code 2026-01-01T00:05:00Z}. */
    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
