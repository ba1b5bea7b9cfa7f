package openclaw.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import openclaw.session.SessionView;
import openclaw.store.TranscriptEntry;

/**
 * Text and JSON forms of sessions and transcript entries for {@code openclaw sessions}. JSON times are epoch
 * milliseconds, as in OpenClaw's own output; text times are ISO-8601 UTC to the second. Stateless.
 */
final class SessionPrinter {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final int MAX_TOOL_OUTPUT = 500;

    private SessionPrinter() {}

    /** A session as a JSON object; {@code expiresAt} is left out when the session never expires. */
    static ObjectNode json(SessionView view) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("key", view.key())
                .put("agentId", view.agentId())
                .put("createdAt", view.session().createdAt().toEpochMilli())
                .put("updatedAt", view.session().updatedAt().toEpochMilli())
                .put("conversationStartedAt", view.session().segmentStartedAt().toEpochMilli())
                .put("messages", view.messages())
                .put("storedEntries", view.session().entryCount())
                .put("expired", view.expired());
        view.expiresAt().ifPresent(t -> node.put("expiresAt", t.toEpochMilli()));
        node.putObject("policy")
                .put("idleHours", view.policy().idleHours())
                .put("maxAgeHours", view.policy().maxAgeHours());
        return node;
    }

    /** A transcript entry as a JSON object with its content as JSON (as stored). */
    static ObjectNode json(TranscriptEntry entry) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("seq", entry.seq())
                .put("role", entry.role())
                .put("createdAt", entry.createdAt().toEpochMilli());
        node.set("content", content(entry));
        return node;
    }

    /** One header line and one line per session, in aligned columns. */
    static List<String> table(List<SessionView> views) {
        int keyWidth =
                Math.max(3, views.stream().mapToInt(v -> v.key().length()).max().orElse(0));
        int agentWidth = Math.max(
                5, views.stream().mapToInt(v -> v.agentId().length()).max().orElse(0));
        String format = "%-" + keyWidth + "s  %-" + agentWidth + "s  %8s  %-20s  %s";
        List<String> lines = new ArrayList<>();
        lines.add(String.format(format, "KEY", "AGENT", "MESSAGES", "LAST ACTIVITY", "EXPIRES")
                .stripTrailing());
        for (SessionView v : views) {
            lines.add(String.format(
                    format, v.key(), v.agentId(), v.messages(), time(v.session().updatedAt()), expiry(v)));
        }
        return lines;
    }

    /** The session's details, a blank line, then the conversation's messages. */
    static List<String> details(SessionView view, List<TranscriptEntry> messages) {
        List<String> lines = new ArrayList<>();
        lines.add("Session        " + view.key());
        lines.add("Agent          " + view.agentId());
        lines.add("Messages       " + view.messages() + " in the current conversation, "
                + view.session().entryCount() + " stored");
        lines.add("Started        " + time(view.session().segmentStartedAt()));
        lines.add("Last activity  " + time(view.session().updatedAt()));
        lines.add("Expires        " + expiry(view));
        lines.add("Policy         " + view.policySummary());
        lines.add("");
        if (messages.isEmpty()) {
            lines.add("(no messages in the current conversation)");
        } else if (messages.size() < view.messages()) {
            lines.add("(the last " + messages.size() + " of " + view.messages() + " messages; see more with --limit)");
        }
        messages.forEach(e -> lines.addAll(render(e)));
        return lines;
    }

    private static String expiry(SessionView view) {
        if (view.expiresAt().isEmpty()) {
            return "never";
        }
        return (view.expired() ? "expired " : "") + time(view.expiresAt().get());
    }

    /** {@code time  role  text}, continuation lines indented under the text. */
    private static List<String> render(TranscriptEntry entry) {
        String prefix = time(entry.createdAt()) + "  " + String.format("%-9s", entry.role()) + "  ";
        String indent = " ".repeat(prefix.length());
        List<String> lines = new ArrayList<>();
        String[] body = text(entry).split("\n", -1);
        for (int i = 0; i < body.length; i++) {
            lines.add(((i == 0 ? prefix : indent) + body[i]).stripTrailing());
        }
        return lines;
    }

    /** The readable part of an entry; the roles and fields are those the agent runtime writes. */
    private static String text(TranscriptEntry entry) {
        JsonNode n = content(entry);
        return switch (entry.role()) {
            case "user" -> n.path("text").asText(entry.content());
            case "assistant" -> {
                StringBuilder s = new StringBuilder(n.path("text").asText(""));
                n.path("toolCalls").forEach(c -> s.append(s.isEmpty() ? "" : "\n")
                        .append("→ ")
                        .append(c.path("name").asText())
                        .append(' ')
                        .append(c.path("arguments").asText()));
                yield s.toString();
            }
            case "tool" ->
                n.path("name").asText()
                        + (n.path("isError").asBoolean() ? " failed: " : ": ")
                        + abbreviate(n.path("content").asText());
            case "error" -> n.path("message").asText(entry.content());
            default -> entry.content();
        };
    }

    private static JsonNode content(TranscriptEntry entry) {
        try {
            return MAPPER.readTree(entry.content());
        } catch (IOException e) {
            return MAPPER.getNodeFactory().textNode(entry.content()); // the store only accepts JSON; defensive
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= MAX_TOOL_OUTPUT ? s : s.substring(0, MAX_TOOL_OUTPUT) + "…";
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
