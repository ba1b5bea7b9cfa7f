package openclaw.testkit.provider;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import openclaw.sdk.provider.ChatRequest;
import openclaw.sdk.provider.ChatStream;
import openclaw.sdk.provider.ModelProvider;
import openclaw.sdk.provider.ProviderException;
import openclaw.sdk.provider.StopReason;
import openclaw.sdk.provider.StreamEvent;

/**
 * An in-process {@link ModelProvider} that answers each call with the next scripted turn: a list of events, or a
 * failure thrown from the first {@code next()}. With no script left it answers "ok". Records every request. For agent
 * loop tests that need no wire protocol. Thread-safe.
 */
public final class FakeModelProvider implements ModelProvider {

    /** One scripted answer: events to stream, or a failure to throw. */
    public sealed interface Turn {
        /** Streams these events. */
        record Events(List<StreamEvent> events) implements Turn {}

        /** Throws this from the first {@code next()}. */
        record Failure(ProviderException error) implements Turn {}
    }

    private final String id;
    private final ConcurrentLinkedDeque<Turn> script = new ConcurrentLinkedDeque<>();
    private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    private final List<AtomicBoolean> closed = new CopyOnWriteArrayList<>();

    public FakeModelProvider(String id) {
        this.id = id;
    }

    /** A text answer with usage and a normal stop. */
    public FakeModelProvider answer(String text) {
        return events(
                new StreamEvent.TextDelta(text),
                new StreamEvent.Usage(10, 5, 0),
                new StreamEvent.Finished(StopReason.END_TURN));
    }

    /** A turn that calls one tool. */
    public FakeModelProvider toolCall(String callId, String tool, String argumentsJson) {
        return events(
                new StreamEvent.ToolCall(callId, tool, argumentsJson),
                new StreamEvent.Usage(10, 5, 0),
                new StreamEvent.Finished(StopReason.TOOL_USE));
    }

    /** Any events. */
    public FakeModelProvider events(StreamEvent... events) {
        script.addLast(new Turn.Events(List.of(events)));
        return this;
    }

    /** A turn that fails. */
    public FakeModelProvider fail(ProviderException error) {
        script.addLast(new Turn.Failure(error));
        return this;
    }

    /** Requests received, oldest first. */
    public List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    /** Whether every stream handed out has been closed. */
    public boolean allStreamsClosed() {
        return closed.stream().allMatch(AtomicBoolean::get);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ChatStream stream(ChatRequest request) {
        requests.add(request);
        Turn turn = script.pollFirst();
        if (turn == null) {
            turn = new Turn.Events(
                    List.of(new StreamEvent.TextDelta("ok"), new StreamEvent.Finished(StopReason.END_TURN)));
        }
        AtomicBoolean isClosed = new AtomicBoolean();
        closed.add(isClosed);
        Turn current = turn;
        Iterator<StreamEvent> events = current instanceof Turn.Events e
                ? new ArrayList<>(e.events()).iterator()
                : List.<StreamEvent>of().iterator();
        return new ChatStream() {
            @Override
            public Optional<StreamEvent> next() {
                if (isClosed.get()) {
                    return Optional.empty();
                }
                if (current instanceof Turn.Failure f) {
                    throw f.error();
                }
                return events.hasNext() ? Optional.of(events.next()) : Optional.empty();
            }

            @Override
            public void close() {
                isClosed.set(true);
            }
        };
    }
}
