package openclaw.testkit.provider.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import openclaw.testkit.http.FakeHttpServer;
import openclaw.testkit.provider.ProviderFake;
import openclaw.testkit.ws.LoopbackWebSocketServer;
import openclaw.testkit.ws.WebSocketConnection;

/**
 * A loopback fake of the OpenAI Responses API serving both transports on one port from one script: {@code POST
 * /v1/responses} streams real Responses SSE (event lines, sequence numbers, no {@code [DONE]}), and a {@code GET
 * /v1/responses} upgrade opens WebSocket mode, where each {@code response.create} frame takes the next scripted turn
 * and gets one bare event JSON per text frame. WebSocket mode also answers {@code generate:false} warm-ups
 * (created + completed with empty output), keeps the connection's response ids for {@code previous_response_id}
 * (unknown ids get {@code previous_response_not_found}), and can refuse upgrades, end a turn early with close 1011, or report
 * {@code websocket_connection_limit_reached}. Thread-safe.
 */
public final class FakeOpenAiResponsesServer implements ProviderFake {

    /** One scripted turn: events built for a response id, optionally followed by a dropped connection. */
    private sealed interface Turn {
        /** Events of a response; {@code cut} ends the stream after them without a terminal event. */
        record Events(UnaryOperator<ResponsesEventScript> script, boolean cut) implements Turn {}

        /** An HTTP error (SSE), a refused upgrade (WebSocket, new socket) or an error frame (open socket). */
        record Failure(int status, int retryAfterSeconds, String message) implements Turn {}
    }

    private static final String MODEL = "gpt-5";

    private final LoopbackWebSocketServer server;
    private final ConcurrentLinkedDeque<Turn> script = new ConcurrentLinkedDeque<>();
    private final List<FakeHttpServer.Recorded> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger responseIds = new AtomicInteger();
    private final AtomicInteger upgrades = new AtomicInteger();
    private volatile int refuseUpgradesWith;
    private volatile boolean forgetNextPrevious;
    private volatile boolean limitReachedNext;
    private volatile int fragments = 1;

    private FakeOpenAiResponsesServer() {
        this.server = LoopbackWebSocketServer.start(new Handler());
    }

    /** Starts the fake on a free loopback port. */
    public static FakeOpenAiResponsesServer start() {
        return new FakeOpenAiResponsesServer();
    }

    @Override
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port() + "/v1");
    }

    /** Queues a turn built on a fresh script, e.g. {@code s -> s.created().message("hi").completed()}. */
    public void enqueue(UnaryOperator<ResponsesEventScript> turn) {
        script.addLast(new Turn.Events(turn, false));
    }

    /** Queues a turn whose stream ends after these events (SSE: connection closed; WebSocket: close 1011). */
    public void enqueueCut(UnaryOperator<ResponsesEventScript> turn) {
        script.addLast(new Turn.Events(turn, true));
    }

    /** Refuses every WebSocket upgrade with this HTTP status from now on; 0 accepts them again. */
    public void refuseUpgrades(int status) {
        refuseUpgradesWith = status;
    }

    /** The next {@code previous_response_id} is reported as not found, as after a server-side cache loss. */
    public void forgetNextPreviousResponse() {
        forgetNextPrevious = true;
    }

    /** The next {@code response.create} gets {@code websocket_connection_limit_reached} and the socket is closed. */
    public void limitReachedOnNextRequest() {
        limitReachedNext = true;
    }

    /** Sends every WebSocket message split into this many frames, to exercise reassembly. */
    public void fragmentFrames(int parts) {
        fragments = parts;
    }

    /** How many WebSocket upgrades were requested (accepted or refused). */
    public int upgrades() {
        return upgrades.get();
    }

    /** The requests with this method: {@code POST} for SSE, {@code WS} for received WebSocket frames. */
    public List<FakeHttpServer.Recorded> requests(String method) {
        return requests.stream().filter(r -> r.method().equals(method)).toList();
    }

    @Override
    public void textTurn(String... deltas) {
        enqueue(s -> s.created().message(deltas).completed());
    }

    @Override
    public void toolCallTurn(String callId, String toolName, String... argumentFragments) {
        enqueue(s ->
                s.created().functionCall(callId, toolName, argumentFragments).completed());
    }

    @Override
    public void thinkingTurn(String thinking, String answer) {
        enqueue(s -> s.created().reasoning(thinking).message(answer).completed());
    }

    @Override
    public void error(int status, int retryAfterSeconds, String message) {
        script.addLast(new Turn.Failure(status, retryAfterSeconds, message));
    }

    @Override
    public void cutAfter(String partialText) {
        enqueueCut(s -> s.created().bareDelta(partialText));
    }

    @Override
    public void unknownEventThenText(String text) {
        enqueue(s -> s.created().unknown().message(text).completed());
    }

    @Override
    public void malformedEventThenText(String text) {
        enqueue(s -> s.malformed().created().message(text).completed());
    }

    @Override
    public List<FakeHttpServer.Recorded> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.close();
    }

    private List<ResponsesEventScript.Event> events(Turn.Events turn) {
        return turn.script()
                .apply(new ResponsesEventScript("resp_" + responseIds.incrementAndGet(), MODEL))
                .events();
    }

    private static Map<String, String> retryAfter(int seconds) {
        return seconds > 0 ? Map.of("retry-after", Integer.toString(seconds)) : Map.of();
    }

    /** Routes the loopback server's callbacks to the script. */
    private final class Handler implements LoopbackWebSocketServer.Handler {

        @Override
        public Optional<LoopbackWebSocketServer.Refusal> refusal(LoopbackWebSocketServer.Request upgrade) {
            upgrades.incrementAndGet();
            int refuse = refuseUpgradesWith;
            if (refuse > 0) {
                return Optional.of(new LoopbackWebSocketServer.Refusal(refuse, Map.of(), "upgrade refused"));
            }
            if (script.peekFirst() instanceof Turn.Failure failure && script.remove(failure)) {
                return Optional.of(new LoopbackWebSocketServer.Refusal(
                        failure.status(),
                        retryAfter(failure.retryAfterSeconds()),
                        ResponsesEventScript.httpError(failure.message(), "invalid_request_error")));
            }
            return Optional.empty();
        }

        @Override
        public void http(LoopbackWebSocketServer.Request request, OutputStream out) throws IOException {
            requests.add(
                    new FakeHttpServer.Recorded(request.method(), request.path(), request.headers(), request.body()));
            Turn turn = script.pollFirst();
            if (turn == null) {
                LoopbackWebSocketServer.writeResponse(out, 599, Map.of(), "no scripted reply");
            } else if (turn instanceof Turn.Failure f) {
                Map<String, String> headers = new java.util.HashMap<>(retryAfter(f.retryAfterSeconds()));
                headers.put("content-type", "application/json");
                LoopbackWebSocketServer.writeResponse(
                        out, f.status(), headers, ResponsesEventScript.httpError(f.message(), "api_error"));
            } else if (turn instanceof Turn.Events e) {
                // Close-delimited body: a cut stream simply ends without its terminal event.
                LoopbackWebSocketServer.writeHead(out, 200, Map.of("content-type", "text/event-stream"));
                out.write(ResponsesEventScript.sse(events(e)).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }

        @Override
        public void connected(LoopbackWebSocketServer.Request upgrade, WebSocketConnection ws) throws IOException {
            Set<String> known = new HashSet<>();
            for (Optional<String> frame = ws.receiveText(); frame.isPresent(); frame = ws.receiveText()) {
                requests.add(new FakeHttpServer.Recorded("WS", upgrade.path(), upgrade.headers(), frame.get()));
                if (!answer(ws, frame.get(), known)) {
                    return;
                }
            }
        }

        /** Answers one client frame; false when the connection is to be dropped. */
        private boolean answer(WebSocketConnection ws, String frame, Set<String> known) throws IOException {
            JsonNode create;
            try {
                create = ResponsesEventScript.JSON.readTree(frame);
            } catch (JsonProcessingException e) {
                send(ws, ResponsesEventScript.wsError(400, "invalid_json", "frame is not JSON"));
                return true;
            }
            if (!create.path("type").asText().equals("response.create")) {
                send(ws, ResponsesEventScript.wsError(400, "unknown_event", "expected response.create"));
                return true;
            }
            if (limitReachedNext) {
                limitReachedNext = false;
                send(
                        ws,
                        ResponsesEventScript.wsError(
                                400,
                                "websocket_connection_limit_reached",
                                "Responses websocket connection limit reached"));
                ws.close(1000, "limit reached");
                return false;
            }
            if (create.path("generate").isBoolean() && !create.path("generate").asBoolean()) {
                String id = "resp_warm_" + responseIds.incrementAndGet();
                known.add(id);
                for (ResponsesEventScript.Event e : new ResponsesEventScript(id, MODEL)
                        .created()
                        .completed()
                        .events()) {
                    send(ws, e.json());
                }
                return true;
            }
            String previous = create.path("previous_response_id").asText("");
            if (!previous.isEmpty() && (forgetNextPrevious || !known.contains(previous))) {
                forgetNextPrevious = false;
                send(
                        ws,
                        ResponsesEventScript.wsError(
                                400,
                                "previous_response_not_found",
                                "Previous response with id '" + previous + "' not found."));
                return true;
            }
            return serve(ws, script.pollFirst(), known);
        }

        private boolean serve(WebSocketConnection ws, Turn turn, Set<String> known) throws IOException {
            if (turn == null) {
                send(ws, ResponsesEventScript.wsError(500, "server_error", "no scripted turn"));
                return true;
            }
            if (turn instanceof Turn.Failure f) {
                send(ws, ResponsesEventScript.wsError(f.status(), "scripted_error", f.message()));
                return true;
            }
            Turn.Events e = (Turn.Events) turn;
            for (ResponsesEventScript.Event event : events(e)) {
                send(ws, event.json());
                if (event.type().equals("response.completed")) {
                    known.add(ResponsesEventScript.JSON
                            .readTree(event.json())
                            .path("response")
                            .path("id")
                            .asText());
                }
            }
            if (e.cut()) {
                // A close frame (1011) rather than a TCP drop: frames already sent are then always delivered first,
                // whereas a reset lets the client's kernel discard received but unread frames.
                ws.close(1011, "scripted cut");
                while (ws.receiveText().isPresent()) {
                    // wait for the client's close answer
                }
                return false;
            }
            return true;
        }

        private void send(WebSocketConnection ws, String json) throws IOException {
            if (fragments > 1) {
                ws.sendFragmented(json, fragments);
            } else {
                ws.sendText(json);
            }
        }
    }
}
