package openclaw.openai;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import openclaw.sdk.provider.ChatMessage;
import openclaw.sdk.provider.ChatRequest;
import openclaw.sdk.provider.ChatStream;
import openclaw.sdk.provider.ModelProvider;
import openclaw.sdk.provider.ProviderException;
import openclaw.sdk.provider.StopReason;
import openclaw.sdk.provider.StreamEvent;

/**
 * A deterministic in-process model for API tests, answering from the last message:
 *
 * <ul>
 *   <li>tool results → {@code tool said: <content>[; <content>…]}
 *   <li>{@code call <tool> <json>} → a call of that tool (when the request offers it), stop reason tool use
 *   <li>{@code call2 <tool>} → two parallel calls of that tool with {@code {"n":1}} and {@code {"n":2}}
 *   <li>{@code system?} → the system prompt
 *   <li>{@code history?} → {@code messages: <count of messages sent>}
 *   <li>{@code slow} → 50 deltas, one every 100 ms
 *   <li>{@code fail} → a non-retryable provider error
 *   <li>anything else → {@code echo: <text>} in three deltas, usage 7 in / 3 out
 * </ul>
 */
public final class ScriptModel implements ModelProvider {

    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public String id() {
        return "script";
    }

    @Override
    public ChatStream stream(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        ChatMessage last = messages.getLast();
        Deque<StreamEvent> events = new ArrayDeque<>();
        long delayMs = 0;
        switch (last) {
            case ChatMessage.ToolResult r -> {
                String said = messages.stream()
                        .skip(lastAssistant(messages) + 1)
                        .filter(m -> m instanceof ChatMessage.ToolResult)
                        .map(m -> ((ChatMessage.ToolResult) m).content())
                        .collect(Collectors.joining("; "));
                text(events, "tool said: " + said);
            }
            case ChatMessage.User u -> {
                String t = u.text().strip();
                if (t.startsWith("call2 ")) {
                    String tool = t.substring(6).strip();
                    events.add(new StreamEvent.ToolCall("call_" + calls.incrementAndGet(), tool, "{\"n\":1}"));
                    events.add(new StreamEvent.ToolCall("call_" + calls.incrementAndGet(), tool, "{\"n\":2}"));
                    events.add(new StreamEvent.Usage(9, 4, 0));
                    events.add(new StreamEvent.Finished(StopReason.TOOL_USE));
                } else if (t.startsWith("call ")) {
                    String[] parts = t.substring(5).strip().split(" ", 2);
                    String args = parts.length > 1 ? parts[1] : "{}";
                    if (request.tools().stream().anyMatch(s -> s.name().equals(parts[0]))) {
                        events.add(new StreamEvent.ToolCall("call_" + calls.incrementAndGet(), parts[0], args));
                        events.add(new StreamEvent.Usage(9, 4, 0));
                        events.add(new StreamEvent.Finished(StopReason.TOOL_USE));
                    } else {
                        text(events, "no tool " + parts[0]);
                    }
                } else if (t.equals("system?")) {
                    text(events, request.systemPrompt());
                } else if (t.equals("history?")) {
                    text(events, "messages: " + messages.size());
                } else if (t.contains("slow")) {
                    delayMs = 100;
                    for (int i = 0; i < 50; i++) {
                        events.add(new StreamEvent.TextDelta("tick " + i + " "));
                    }
                    events.add(new StreamEvent.Finished(StopReason.END_TURN));
                } else if (t.equals("fail")) {
                    throw new ProviderException(
                            "the script model was told to fail", false, Optional.empty(), 400, "bad_request");
                } else {
                    text(events, "echo: " + t);
                }
            }
            case ChatMessage.Assistant a -> text(events, "nothing to add");
        }
        long delay = delayMs;
        AtomicBoolean closed = new AtomicBoolean();
        return new ChatStream() {
            @Override
            public Optional<StreamEvent> next() {
                if (closed.get()) {
                    return Optional.empty();
                }
                if (delay > 0) {
                    try {
                        Thread.sleep(delay);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return Optional.empty();
                    }
                }
                return Optional.ofNullable(events.poll());
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
    }

    private static int lastAssistant(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof ChatMessage.Assistant) {
                return i;
            }
        }
        return -1;
    }

    private static void text(Deque<StreamEvent> events, String text) {
        int third = Math.max(1, text.length() / 3);
        events.add(new StreamEvent.TextDelta(text.substring(0, Math.min(third, text.length()))));
        events.add(new StreamEvent.TextDelta(
                text.substring(Math.min(third, text.length()), Math.min(text.length(), 2 * third))));
        events.add(new StreamEvent.TextDelta(text.substring(Math.min(text.length(), 2 * third))));
        events.add(new StreamEvent.Usage(7, 3, 0));
        events.add(new StreamEvent.Finished(StopReason.END_TURN));
    }
}
