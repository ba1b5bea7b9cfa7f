package openclaw.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import openclaw.sdk.provider.ChatMessage;
import openclaw.sdk.provider.ChatRequest;
import openclaw.sdk.provider.ChatStream;
import openclaw.sdk.provider.ModelProvider;
import openclaw.sdk.provider.StopReason;
import openclaw.sdk.provider.StreamEvent;

/**
 * One call to one model: streams its events to the listener and collects the assistant message, usage and stop
 * reason. Failures propagate as {@code ProviderException}; a cancelled turn ends the call early.
 */
final class ModelStep {

    /** What one model call produced. */
    record Result(ChatMessage.Assistant message, StreamEvent.Usage usage, StopReason stopReason, boolean finished) {}

    private ModelStep() {}

    static Result run(ModelProvider provider, ChatRequest request, TurnControl control, Consumer<AgentEvent> listener) {
        StringBuilder text = new StringBuilder();
        List<StreamEvent.ToolCall> calls = new ArrayList<>();
        List<StreamEvent.ThinkingBlock> thinking = new ArrayList<>();
        StreamEvent.Usage usage = new StreamEvent.Usage(0, 0, 0);
        StopReason stop = StopReason.OTHER;
        boolean finished = false;
        try (ChatStream stream = provider.stream(request)) {
            control.attach(stream);
            for (Optional<StreamEvent> next = stream.next();
                    next.isPresent() && !control.isCancelled();
                    next = stream.next()) {
                switch (next.get()) {
                    case StreamEvent.TextDelta d -> {
                        text.append(d.text());
                        listener.accept(new AgentEvent.Text(d.text()));
                    }
                    case StreamEvent.ThinkingDelta d -> listener.accept(new AgentEvent.Thinking(d.text()));
                    case StreamEvent.ThinkingBlock b -> thinking.add(b);
                    case StreamEvent.ToolCall c -> calls.add(c);
                    case StreamEvent.Usage u -> usage = u;
                    case StreamEvent.Finished f -> {
                        stop = f.reason();
                        finished = true;
                    }
                }
            }
        } finally {
            control.detach();
        }
        return new Result(new ChatMessage.Assistant(text.toString(), calls, thinking), usage, stop, finished);
    }
}
