package openclaw.openai;

import java.util.Locale;
import java.util.Optional;

/** What an API key may call. {@code admin} (and the gateway token) may call everything. */
public enum Scope {
    /** Models, Chat Completions and Responses. */
    CHAT,
    /** Assistants, threads and runs (and models). */
    ASSISTANTS,
    /** Everything. */
    ADMIN;

    /** The lower-case name used on the command line and in errors. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code chat}, {@code assistants} or {@code admin}. */
    public static Optional<Scope> parse(String text) {
        for (Scope s : values()) {
            if (s.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Whether a caller holding this scope may call a route that needs {@code needed}. */
    public boolean allows(Scope needed) {
        return this == ADMIN || this == needed;
    }
}
