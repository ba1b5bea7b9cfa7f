package openclaw.store;

import java.time.Instant;
import java.util.Objects;

/** One transcript line: its position {@code seq} (1, 2, 3, … per session), role and JSON content. */
public record TranscriptEntry(String sessionKey, long seq, String role, String content, Instant createdAt) {

    /** Validates that every part is present. */
    public TranscriptEntry {
        Objects.requireNonNull(sessionKey, "sessionKey");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
