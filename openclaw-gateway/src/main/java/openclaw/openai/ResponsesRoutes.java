package openclaw.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Responses API over HTTP: {@code POST /v1/responses} (JSON, or server-sent events with {@code stream:true}),
 * {@code GET} and {@code DELETE /v1/responses/{id}}, and {@code GET /v1/responses/{id}/input_items}. The event stream
 * has an {@code event:} line per event and, as OpenClaw's own endpoint does, ends with {@code data: [DONE]} after the
 * terminal event (the official SDKs stop reading there).
 */
final class ResponsesRoutes {

    static final Map<String, String> SSE = Map.of(
            "Content-Type", "text/event-stream; charset=utf-8",
            "Cache-Control", "no-cache",
            "X-Accel-Buffering", "no");

    private ResponsesRoutes() {}

    static void register(Router router) {
        router.add("POST", "/v1/responses", Scope.CHAT, "responses", ResponsesRoutes::create);
        router.add("GET", "/v1/responses/{id}", Scope.CHAT, "responses", ResponsesRoutes::retrieve);
        router.add("DELETE", "/v1/responses/{id}", Scope.CHAT, "responses", ResponsesRoutes::delete);
        router.add("GET", "/v1/responses/{id}/input_items", Scope.CHAT, "responses", ResponsesRoutes::inputItems);
    }

    private static void create(ApiCall call) {
        ResponseRequest request = ResponseRequest.parse(call.json(), false);
        if (!request.generate()) {
            throw ApiError.invalid("generate", "'generate: false' (a warm-up) is only available in WebSocket mode.");
        }
        ResponseTurn turn = new ResponseTurn(call.context());
        if (!request.stream()) {
            ResponseStore.Stored stored = turn.create(request, call::header, turn.stored(), ResponseStreamer.Sink.NONE);
            JsonNode response = stored.response();
            if (response.path("status").asText().equals("failed")) {
                // A synchronous failure is an HTTP error, as OpenAI answers it; the failed response stays retrievable.
                throw ApiError.server(response.path("error").path("message").asText("The turn failed."));
            }
            call.ok(response);
            return;
        }
        try (SseSink sink = new SseSink(call)) {
            turn.create(request, call::header, turn.stored(), sink);
            sink.done();
        }
    }

    private static void retrieve(ApiCall call) {
        call.ok(found(call).response());
    }

    private static void delete(ApiCall call) {
        String id = call.path("id");
        if (!new ResponseStore(call.context().store().keyValues()).delete(id)) {
            throw notFound(id);
        }
        call.ok(ApiResponses.MAPPER
                .createObjectNode()
                .put("id", id)
                .put("object", "response")
                .put("deleted", true));
    }

    /** The input items, newest first by default; {@code limit} (1-100, default 20), {@code order}, {@code after}. */
    private static void inputItems(ApiCall call) {
        ArrayNode all = found(call).inputItems();
        int limit = call.exchange().query("limit").map(l -> parseLimit(l)).orElse(20);
        String order = call.exchange().query("order").orElse("desc");
        if (!order.equals("asc") && !order.equals("desc")) {
            throw ApiError.invalid("order", "Invalid value for 'order': expected 'asc' or 'desc'.");
        }
        List<JsonNode> items = new ArrayList<>();
        all.forEach(items::add);
        if (order.equals("desc")) {
            items = items.reversed();
        }
        Optional<String> after = call.exchange().query("after");
        if (after.isPresent()) {
            int at = indexOf(items, after.get());
            items = items.subList(at + 1, items.size());
        }
        List<JsonNode> page = items.subList(0, Math.min(limit, items.size()));
        ObjectNode body = ApiResponses.MAPPER.createObjectNode().put("object", "list");
        body.putArray("data").addAll(page);
        body.put("first_id", page.isEmpty() ? null : page.getFirst().path("id").asText());
        body.put("last_id", page.isEmpty() ? null : page.getLast().path("id").asText());
        body.put("has_more", items.size() > page.size());
        call.ok(body);
    }

    private static int indexOf(List<JsonNode> items, String id) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).path("id").asText().equals(id)) {
                return i;
            }
        }
        throw ApiError.invalid("after", "No input item with id '" + id + "' in this response.");
    }

    private static int parseLimit(String text) {
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= 100) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.invalid("limit", "Invalid 'limit': expected an integer between 1 and 100.");
    }

    private static ResponseStore.Stored found(ApiCall call) {
        String id = call.path("id");
        return new ResponseStore(call.context().store().keyValues()).get(id).orElseThrow(() -> notFound(id));
    }

    private static ApiError notFound(String id) {
        return ApiError.notFound("response_id", "not_found", "Response with id '" + id + "' not found.");
    }

    /**
     * Writes events as {@code event: <type>} / {@code data: <json>} pairs, starting the HTTP response on the first
     * event so that errors found earlier still get a JSON error answer.
     */
    private static final class SseSink implements ResponseStreamer.Sink, AutoCloseable {
        private final ApiCall call;
        private OutputStream out;
        private boolean broken;

        SseSink(ApiCall call) {
            this.call = call;
        }

        @Override
        public boolean send(ObjectNode event) {
            return write("event: " + event.path("type").asText() + "\ndata: " + event + "\n\n");
        }

        void done() {
            write("data: [DONE]\n\n");
        }

        private boolean write(String text) {
            if (broken) {
                return false;
            }
            try {
                if (out == null) {
                    out = call.exchange().stream(200, SSE);
                }
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
                return true;
            } catch (IOException | UncheckedIOException e) {
                broken = true;
                return false;
            }
        }

        @Override
        public void close() {
            if (out == null) {
                return;
            }
            try {
                out.close();
            } catch (IOException | UncheckedIOException e) {
                // the client went away; nothing to tell it
            }
        }
    }
}
