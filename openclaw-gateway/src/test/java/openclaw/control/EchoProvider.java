package openclaw.control;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import openclaw.sdk.provider.ChatMessage;
import openclaw.sdk.provider.ChatRequest;
import openclaw.sdk.provider.ChatStream;
import openclaw.sdk.provider.ModelProvider;
import openclaw.sdk.provider.StopReason;
import openclaw.sdk.provider.StreamEvent;

/**
 * An in-process model that answers {@code echo: <message>} in three deltas. A message containing {@code slow} streams
 * one delta every 200 ms for 30 s (to test aborts); {@code time?} first calls the {@code current_time} tool.
 */
final class EchoProvider implements ModelProvider {

    @Override
    public String id() {
        return "echo";
    }

    @Override
    public ChatStream stream(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        ChatMessage last = messages.get(messages.size() - 1);
        Deque<StreamEvent> events = new ArrayDeque<>();
        long delayMs = 0;
        if (last instanceof ChatMessage.User user) {
            if (user.text().contains("time?")) {
                events.add(new StreamEvent.ToolCall("call-1", "current_time", "{}"));
                events.add(new StreamEvent.Finished(StopReason.TOOL_USE));
            } else if (user.text().contains("slow")) {
                delayMs = 200;
                for (int i = 0; i < 150; i++) {
                    events.add(new StreamEvent.TextDelta("tick " + i + " "));
                }
                events.add(new StreamEvent.Finished(StopReason.END_TURN));
            } else {
                String text = "echo: " + user.text();
                int third = Math.max(1, text.length() / 3);
                events.add(new StreamEvent.TextDelta(text.substring(0, third)));
                events.add(new StreamEvent.TextDelta(text.substring(third, Math.min(text.length(), 2 * third))));
                events.add(new StreamEvent.TextDelta(text.substring(Math.min(text.length(), 2 * third))));
                events.add(new StreamEvent.Usage(7, 3, 0));
                events.add(new StreamEvent.Finished(StopReason.END_TURN));
            }
        } else {
            events.add(new StreamEvent.TextDelta("the tool said: done"));
            events.add(new StreamEvent.Finished(StopReason.END_TURN));
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
                return closed.get() ? Optional.empty() : Optional.ofNullable(events.pollFirst());
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
    }
}
