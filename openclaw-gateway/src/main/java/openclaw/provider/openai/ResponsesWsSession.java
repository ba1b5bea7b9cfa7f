package openclaw.provider.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import openclaw.sdk.provider.ChatMessage;
import openclaw.sdk.provider.ChatRequest;

/**
 * The WebSocket transport state of one session: its socket and the chain link to the last completed response. A
 * session runs one turn at a time (the protocol allows one response in flight per connection): a turn holds the
 * permit from start until it finishes or is closed, possibly across threads, hence a semaphore and not a lock. The
 * socket reference is atomic because a turn's {@code close()} may discard it from another thread.
 */
final class ResponsesWsSession {

    /**
     * What the server remembers of the last completed response on this socket.
     *
     * @param model the model of that turn
     * @param sent the messages that turn was built from
     * @param reply the answer it produced, as the next request must contain it
     * @param responseId its id, for {@code previous_response_id}
     */
    record Chain(String model, List<ChatMessage> sent, ChatMessage.Assistant reply, String responseId) {}

    /**
     * What a turn sends.
     *
     * @param input the input items
     * @param previousResponseId the response to chain to, empty for a full request
     */
    record Plan(ArrayNode input, String previousResponseId) {
        boolean chained() {
            return !previousResponseId.isEmpty();
        }
    }

    private final boolean perTurn;
    private final Semaphore permit = new Semaphore(1);
    private final AtomicReference<ResponsesSocket> socket = new AtomicReference<>();
    private final AtomicReference<Chain> chain = new AtomicReference<>();

    private ResponsesWsSession(boolean perTurn) {
        this.perTurn = perTurn;
    }

    /** A session whose socket is reused across turns. */
    static ResponsesWsSession reused() {
        return new ResponsesWsSession(false);
    }

    /** A session for one turn only: its socket is closed when the turn ends. */
    static ResponsesWsSession perTurn() {
        ResponsesWsSession session = new ResponsesWsSession(true);
        session.permit.acquireUninterruptibly();
        return session;
    }

    /** True when the socket is closed after the turn. */
    boolean isPerTurn() {
        return perTurn;
    }

    /** Takes the session for a turn; false when another turn holds it. */
    boolean tryAcquire() {
        return permit.tryAcquire();
    }

    /** Gives the session back after a turn; per-turn sessions close their socket. */
    void release() {
        if (perTurn) {
            discardSocket(false);
        }
        permit.release();
    }

    /** The current socket when it is still open and young enough. */
    Optional<ResponsesSocket> usableSocket(Instant now) {
        ResponsesSocket current = socket.get();
        if (current != null && !current.usable(now)) {
            discardSocket(true);
            return Optional.empty();
        }
        return Optional.ofNullable(current);
    }

    /** Installs a freshly opened socket; the chain is per connection, so it starts over. */
    void install(ResponsesSocket fresh) {
        chain.set(null);
        ResponsesSocket old = socket.getAndSet(fresh);
        if (old != null) {
            old.abort();
        }
    }

    /** Drops the socket (and with it the chain): {@code abort} for a half-read turn, a normal close otherwise. */
    void discardSocket(boolean abort) {
        chain.set(null);
        ResponsesSocket old = socket.getAndSet(null);
        if (old != null) {
            if (abort) {
                old.abort();
            } else {
                old.closeNormally();
            }
        }
    }

    /** Records a completed turn so the next one can send only what is new. */
    void completed(ChatRequest request, ChatMessage.Assistant reply, String responseId) {
        if (!responseId.isEmpty()) {
            chain.set(new Chain(request.model(), request.messages(), reply, responseId));
        }
    }

    /** Forgets the chain (after {@code previous_response_not_found}). */
    void forgetChain() {
        chain.set(null);
    }

    /**
     * The items to send: when the request extends the last completed turn (same model, same earlier messages, then
     * exactly the reply the model gave), only the messages after the reply plus {@code previous_response_id};
     * otherwise the full input.
     */
    Plan plan(ChatRequest request) {
        Chain last = chain.get();
        List<ChatMessage> messages = request.messages();
        if (last != null
                && last.model().equals(request.model())
                && messages.size() > last.sent().size() + 1) {
            int n = last.sent().size();
            boolean sameStart = messages.subList(0, n).equals(last.sent());
            if (sameStart
                    && messages.get(n) instanceof ChatMessage.Assistant reply
                    && reply.text().equals(last.reply().text())
                    && reply.toolCalls().equals(last.reply().toolCalls())) {
                return new Plan(
                        ResponsesRequests.inputItems(messages.subList(n + 1, messages.size())), last.responseId());
            }
        }
        return full(request);
    }

    /** The full input, unchained. */
    static Plan full(ChatRequest request) {
        return new Plan(ResponsesRequests.inputItems(request.messages()), "");
    }
}
