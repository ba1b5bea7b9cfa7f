package openclaw.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponsesSocketIT {

    @TempDir
    static Path home;

    static ApiGateway gateway;

    @BeforeAll
    static void start() {
        gateway = ApiGateway.start(home.resolve("gw"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /** A JDK WebSocket on {@code /v1/responses} collecting whole text messages and the close. */
    static final class Client implements WebSocket.Listener, AutoCloseable {
        final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        static Client connect(ApiGateway gw, String token, String... headers) throws Exception {
            Client c = new Client();
            WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
            b.header("Authorization", "Bearer " + token);
            for (int i = 0; i < headers.length; i += 2) {
                b.header(headers[i], headers[i + 1]);
            }
            c.socket = b.buildAsync(URI.create("ws://127.0.0.1:" + gw.port() + "/v1/responses"), c)
                    .get(10, TimeUnit.SECONDS);
            return c;
        }

        void send(String json) {
            socket.sendText(json, true).join();
        }

        JsonNode next() throws Exception {
            JsonNode f = frames.poll(20, TimeUnit.SECONDS);
            assertThat(f).as("a frame within 20 s").isNotNull();
            return f;
        }

        /** Frames up to and including the next terminal event or error. */
        List<JsonNode> untilTerminal() throws Exception {
            List<JsonNode> events = new ArrayList<>();
            while (true) {
                JsonNode f = next();
                events.add(f);
                String type = f.path("type").asText();
                if (type.equals("response.completed")
                        || type.equals("response.failed")
                        || type.equals("response.incomplete")
                        || type.equals("error")) {
                    return events;
                }
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(ApiResponses.MAPPER.readTree(partial.toString()));
                } catch (Exception e) {
                    frames.add(ApiResponses.MAPPER
                            .createObjectNode()
                            .put("type", "unparseable")
                            .put("raw", partial.toString()));
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.completeExceptionally(error);
        }

        @Override
        public void close() {
            if (!socket.isOutputClosed()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
            }
        }
    }

    static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.path("type").asText()).toList();
    }

    @Test
    void a_create_streams_the_response_events_as_bare_json_frames() throws Exception {
        try (Client c = Client.connect(gateway, gateway.token())) {
            c.send("{\"type\":\"response.create\",\"model\":\"openclaw\",\"input\":\"over the socket\"}");
            List<JsonNode> events = c.untilTerminal();

            assertThat(types(events))
                    .containsExactly(
                            "response.created",
                            "response.in_progress",
                            "response.output_item.added",
                            "response.content_part.added",
                            "response.output_text.delta",
                            "response.output_text.delta",
                            "response.output_text.delta",
                            "response.output_text.done",
                            "response.content_part.done",
                            "response.output_item.done",
                            "response.completed");
            for (int i = 0; i < events.size(); i++) {
                assertThat(events.get(i).path("sequence_number").asInt()).isEqualTo(i);
            }
            JsonNode response = events.getLast().path("response");
            assertThat(response.at("/output/0/content/0/text").asText()).isEqualTo("echo: over the socket");
            assertThat(c.frames.poll(300, TimeUnit.MILLISECONDS))
                    .as("no [DONE] or other frame")
                    .isNull();
            assertThat(gateway.get("/responses/" + response.path("id").asText()).statusCode())
                    .as("stored by default")
                    .isEqualTo(200);
        }
    }

    @Test
    void a_warm_up_answers_created_and_completed_with_no_output_and_can_be_chained() throws Exception {
        try (Client c = Client.connect(gateway, gateway.token())) {
            c.send("{\"type\":\"response.create\",\"model\":\"openclaw\",\"generate\":false,\"input\":[],"
                    + "\"store\":false,\"instructions\":\"Be brief.\"}");
            List<JsonNode> warm = c.untilTerminal();

            assertThat(types(warm)).containsExactly("response.created", "response.completed");
            JsonNode response = warm.getLast().path("response");
            assertThat(response.path("output")).isEmpty();
            assertThat(response.path("status").asText()).isEqualTo("completed");

            c.send("{\"type\":\"response.create\",\"model\":\"openclaw\",\"store\":false,\"previous_response_id\":\""
                    + response.path("id").asText() + "\",\"input\":\"history?\"}");
            JsonNode done = c.untilTerminal().getLast();
            assertThat(done.path("type").asText()).isEqualTo("response.completed");
            assertThat(done.at("/response/output/0/content/0/text").asText()).isEqualTo("messages: 1");
        }
    }

    @Test
    void errors_are_nested_error_frames_and_the_socket_stays_usable() throws Exception {
        try (Client c = Client.connect(gateway, gateway.token())) {
            c.send("{\"type\":\"response.create\",\"model\":\"gpt-4o\",\"input\":\"x\"}");
            JsonNode e = c.next();
            assertThat(e.path("type").asText()).isEqualTo("error");
            assertThat(e.path("status").asInt()).isEqualTo(404);
            assertThat(e.at("/error/type").asText()).isEqualTo("invalid_request_error");
            assertThat(e.at("/error/code").asText()).isEqualTo("model_not_found");
            assertThat(e.at("/error/param").asText()).isEqualTo("model");
            assertThat(e.at("/error/message").asText()).isNotBlank();
            assertThat(e.has("code")).as("not flat like the SSE error event").isFalse();

            c.send("{not json");
            assertThat(c.next().at("/error/code").asText()).isEqualTo("invalid_json");
            c.send("{\"type\":\"response.create\",\"model\":\"openclaw\",\"input\":\"x\",\"stream\":true}");
            assertThat(c.next().at("/error/param").asText()).isEqualTo("stream");
            c.send("{\"type\":\"session.update\"}");
            assertThat(c.next().at("/error/param").asText()).isEqualTo("type");
            c.send(
                    "{\"type\":\"response.create\",\"model\":\"openclaw\",\"input\":\"x\",\"previous_response_id\":\"resp_no\"}");
            JsonNode missing = c.next();
            assertThat(missing.at("/error/code").asText()).isEqualTo("previous_response_not_found");
            assertThat(missing.at("/error/param").asText()).isEqualTo("previous_response_id");

            c.send("{\"type\":\"response.create\",\"model\":\"openclaw\",\"input\":\"still here\"}");
            assertThat(c.untilTerminal().getLast().path("type").asText()).isEqualTo("response.completed");
        }
    }

    @Test
    void a_second_create_while_one_runs_gets_an_error_and_the_first_completes() throws Exception {
        try (Client c = Client.connect(gateway, gateway.token())) {
            c.send("{\"type\":\"response.create\",\"model\":\"openclaw\",\"input\":\"slow\"}");
            assertThat(c.next().path("type").asText()).isEqualTo("response.created");
            c.send("{\"type\":\"response.create\",\"model\":\"openclaw\",\"input\":\"too soon\"}");

            List<JsonNode> events = c.untilTerminal();
            assertThat(events.getLast().path("type").asText()).isEqualTo("error");
            assertThat(events.getLast().path("status").asInt()).isEqualTo(400);
            assertThat(events.getLast().at("/error/code").asText()).isEqualTo("response_already_in_progress");
            assertThat(c.untilTerminal().getLast().path("type").asText()).isEqualTo("response.completed");
        }
    }

    @Test
    void previous_response_id_works_with_store_false_on_the_same_socket_only() throws Exception {
        String tools = "[{\"type\":\"function\",\"name\":\"lookup\",\"parameters\":{\"type\":\"object\"}}]";
        String first;
        String callId;
        try (Client c = Client.connect(gateway, gateway.token())) {
            c.send("{\"type\":\"response.create\",\"model\":\"openclaw\",\"store\":false,\"tools\":" + tools
                    + ",\"input\":\"call lookup {}\"}");
            JsonNode response = c.untilTerminal().getLast().path("response");
            first = response.path("id").asText();
            callId = response.at("/output/0/call_id").asText();
            assertThat(response.at("/output/0/type").asText()).isEqualTo("function_call");

            c.send("{\"type\":\"response.create\",\"model\":\"openclaw\",\"store\":false,\"tools\":" + tools
                    + ",\"previous_response_id\":\"" + first + "\",\"input\":[{\"type\":\"function_call_output\","
                    + "\"call_id\":\"" + callId + "\",\"output\":\"found it\"}]}");
            JsonNode done = c.untilTerminal().getLast();
            assertThat(done.at("/response/output/0/content/0/text").asText()).isEqualTo("tool said: found it");
        }
        assertThat(gateway.get("/responses/" + first).statusCode()).isEqualTo(404);
        try (Client other = Client.connect(gateway, gateway.token())) {
            other.send("{\"type\":\"response.create\",\"model\":\"openclaw\",\"previous_response_id\":\"" + first
                    + "\",\"input\":\"hi\"}");
            assertThat(other.next().at("/error/code").asText()).isEqualTo("previous_response_not_found");
        }
    }

    @Test
    void upgrades_with_a_bad_token_a_foreign_browser_origin_or_a_key_without_chat_scope_are_refused() throws Exception {
        assertRefused(401, () -> Client.connect(gateway, "wrong-token"));
        assertRefused(403, () -> Client.connect(gateway, gateway.token(), "Origin", "https://evil.example"));
        ApiKeys keys = new ApiKeys(gateway.process.store().keyValues(), java.time.Clock.systemUTC());
        String assistants = keys.create("ws-assistants", Scope.ASSISTANTS).secret();
        assertRefused(403, () -> Client.connect(gateway, assistants));
        String chat = keys.create("ws-chat", Scope.CHAT).secret();
        try (Client c = Client.connect(gateway, chat)) {
            c.send("{\"type\":\"response.create\",\"model\":\"openclaw\",\"input\":\"with a key\"}");
            assertThat(c.untilTerminal().getLast().path("type").asText()).isEqualTo("response.completed");
        }
    }

    interface Connect {
        Client run() throws Exception;
    }

    static void assertRefused(int status, Connect connect) {
        assertThatThrownBy(connect::run)
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(status));
    }

    @Test
    void a_connection_is_closed_with_connection_limit_reached_at_its_maximum_age() throws Exception {
        System.setProperty(ResponsesSocket.MAX_AGE_PROPERTY, "PT1S");
        ApiGateway shortLived;
        try {
            shortLived = ApiGateway.start(home.resolve("short"));
        } finally {
            System.clearProperty(ResponsesSocket.MAX_AGE_PROPERTY);
        }
        try (shortLived;
                Client c = Client.connect(shortLived, shortLived.token())) {
            long start = System.nanoTime();
            JsonNode e = c.next();
            assertThat(e.path("type").asText()).isEqualTo("error");
            assertThat(e.at("/error/code").asText()).isEqualTo("websocket_connection_limit_reached");
            assertThat(e.at("/error/message").asText()).contains("Create a new websocket connection");
            assertThat(c.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
