package openclaw.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import openclaw.sdk.provider.ChatMessage;
import openclaw.sdk.provider.ChatRequest;
import openclaw.sdk.provider.ChatStream;
import openclaw.sdk.provider.ProviderException;
import openclaw.sdk.provider.StreamEvent;

/**
 * One Responses turn over a session's WebSocket. Sends a {@code response.create} frame (chained with {@code
 * previous_response_id} when the session allows it) and maps the event frames exactly like SSE events. Recovers
 * before any output: {@code previous_response_not_found} resends the full input on the same socket, {@code
 * websocket_connection_limit_reached} resends it on a new socket, and a socket that dies is handed to the fallback
 * (SSE under AUTO) when there is one. After output was seen, failures surface.
 *
 * <p>Cancellation: {@link #close()} before the end aborts the socket instead of sending {@code response.cancel}: that
 * event is not part of the published WebSocket mode, and a half-read response on a reused socket would leak its
 * events into the next turn. The session's next turn opens a fresh socket with the full input. One consumer thread;
 * {@code close()} may come from any thread.
 */
final class ResponsesWebSocketStream implements ChatStream {

    /** How long a turn may stay silent before the socket is considered dead. */
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);

    private final ResponsesWsConnector connector;
    private final ResponsesWsSession session;
    private final ChatRequest request;
    private final Optional<Supplier<ChatStream>> fallback;
    private final ResponsesEventMapper mapper;
    private final ArrayDeque<StreamEvent> pending = new ArrayDeque<>();
    private final StringBuilder replyText = new StringBuilder();
    private final List<StreamEvent.ToolCall> replyCalls = new ArrayList<>();
    private final AtomicBoolean released = new AtomicBoolean();
    private ResponsesSocket socket;
    private boolean chained;
    private boolean sawOutput;
    private volatile boolean closed;
    private volatile ChatStream delegate;

    private ResponsesWebSocketStream(
            ResponsesWsConnector connector,
            ResponsesWsSession session,
            ChatRequest request,
            Optional<Supplier<ChatStream>> fallback) {
        this.connector = connector;
        this.session = session;
        this.request = request;
        this.fallback = fallback;
        this.mapper = new ResponsesEventMapper(connector.provider());
    }

    /**
     * Starts the turn on a session the caller has acquired; releases it when starting fails.
     *
     * @param fallback opens the same turn over SSE, for AUTO; empty for WEBSOCKET
     * @throws ProviderException when no socket could be opened or the request could not be sent
     */
    static ResponsesWebSocketStream start(
            ResponsesWsConnector connector,
            ResponsesWsSession session,
            ChatRequest request,
            Optional<Supplier<ChatStream>> fallback) {
        ResponsesWebSocketStream stream = new ResponsesWebSocketStream(connector, session, request, fallback);
        try {
            stream.socket = connector.socketFor(session, request);
            ResponsesWsSession.Plan plan = session.plan(request);
            try {
                stream.send(plan);
            } catch (ProviderException sendFailed) {
                // A reused socket may have died silently: one retry on a fresh socket.
                stream.socket = connector.reconnect(session, request);
                stream.send(ResponsesWsSession.full(request));
            }
            return stream;
        } catch (RuntimeException e) {
            stream.release(true);
            throw e;
        }
    }

    @Override
    public Optional<StreamEvent> next() {
        while (pending.isEmpty()) {
            if (closed || mapper.terminal()) {
                return Optional.empty();
            }
            ChatStream sse = delegate;
            if (sse != null) {
                return sse.next();
            }
            ResponsesSocket.Frame frame = socket.poll(IDLE_TIMEOUT).orElse(new ResponsesSocket.Frame.Ended("idle"));
            switch (frame) {
                case ResponsesSocket.Frame.Text text ->
                    ResponsesWsConnector.parse(text).ifPresent(this::accept);
                case ResponsesSocket.Frame.Ended ended -> socketEnded(ended.why());
            }
        }
        StreamEvent event = pending.poll();
        if (event instanceof StreamEvent.Finished) {
            session.completed(
                    request,
                    new ChatMessage.Assistant(replyText.toString(), replyCalls, List.of()),
                    mapper.responseId());
            release(false);
        }
        return Optional.of(event);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ChatStream sse = delegate;
        if (sse != null) {
            sse.close();
        }
        release(!mapper.terminal());
    }

    private void accept(JsonNode event) {
        if (event.path("type").asText("").equals("error") && !sawOutput) {
            String code = ResponsesEventMapper.errorCode(event);
            boolean notFound = code.equals("previous_response_not_found") && chained;
            boolean tooOld = code.equals("websocket_connection_limit_reached");
            if (notFound || tooOld) {
                resendFull(tooOld);
                return;
            }
        }
        List<StreamEvent> events;
        try {
            events = mapper.map(event);
        } catch (ProviderException e) {
            release(true);
            throw e;
        }
        for (StreamEvent e : events) {
            switch (e) {
                case StreamEvent.TextDelta d -> replyText.append(d.text());
                case StreamEvent.ToolCall c -> replyCalls.add(c);
                default -> {
                    // usage, thinking and finish are not part of the reply the next request echoes
                }
            }
        }
        sawOutput |= !events.isEmpty();
        pending.addAll(events);
    }

    /** Resends the whole input without {@code previous_response_id}, on a new socket when {@code reconnect}. */
    private void resendFull(boolean reconnect) {
        try {
            if (reconnect) {
                socket = connector.reconnect(session, request);
            } else {
                session.forgetChain();
            }
            send(ResponsesWsSession.full(request));
        } catch (ProviderException e) {
            socketEnded("resending the full input failed: " + e.getMessage());
        }
    }

    private void socketEnded(String why) {
        if (closed) {
            return;
        }
        release(true);
        ProviderException failure = ProviderException.transport(
                connector.provider() + " WebSocket ended mid-turn: " + why, new IOException(why));
        if (sawOutput || fallback.isEmpty()) {
            throw failure;
        }
        delegate = fallback.get().get();
    }

    private void send(ResponsesWsSession.Plan plan) {
        chained = plan.chained();
        String frame = ResponsesRequests.createFrame(request, plan.input(), plan.previousResponseId())
                .toString();
        socket.send(connector.provider(), frame);
    }

    /** Gives the session back once; {@code abort} drops the socket because a response may still be streaming. */
    private void release(boolean abort) {
        if (released.compareAndSet(false, true)) {
            if (abort) {
                session.discardSocket(true);
            }
            session.release();
        }
    }
}
