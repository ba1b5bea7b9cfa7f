package openclaw.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chatting over the control socket: streaming, history, durability, tools, aborts, the agent method, commands. */
class ControlChatIT {

    @TempDir
    Path home;

    private static boolean chatEvent(JsonNode f, String runId, String state) {
        return f.path("event").asText().equals("chat")
                && f.path("payload").path("runId").asText().equals(runId)
                && f.path("payload").path("state").asText().equals(state);
    }

    @Test
    void chat_send_streams_cumulative_text_then_final_and_history_survives_a_restart() {
        try (ControlGateway gateway = ControlGateway.start(home, "")) {
            try (RawSocket s = RawSocket.authenticated(gateway.port(), gateway.token())) {
                JsonNode res = s.send(
                                RawSocket.req(
                                        "1",
                                        "chat.send",
                                        "{\"sessionKey\":\"agent:main:main\",\"message\":\"hello there\",\"idempotencyKey\":\"run-1\"}"))
                        .res("1");
                assertThat(res.path("payload").path("runId").asText()).isEqualTo("run-1");
                assertThat(res.path("payload").path("status").asText()).isEqualTo("started");
                List<JsonNode> chats = new ArrayList<>();
                JsonNode last;
                do {
                    last = s.next(f -> f.path("event").asText().equals("chat"));
                    chats.add(last.path("payload"));
                } while (!last.path("payload").path("state").asText().equals("final"));
                JsonNode fin = chats.get(chats.size() - 1);
                assertThat(fin.path("message")
                                .path("content")
                                .get(0)
                                .path("text")
                                .asText())
                        .isEqualTo("echo: hello there");
                assertThat(fin.path("sessionKey").asText()).isEqualTo("agent:main:main");
                for (JsonNode delta : chats.subList(0, chats.size() - 1)) {
                    assertThat("echo: hello there")
                            .startsWith(delta.path("message")
                                    .path("content")
                                    .get(0)
                                    .path("text")
                                    .asText());
                }
            }
        }
        try (ControlGateway again = ControlGateway.start(home, "");
                RawSocket s = RawSocket.authenticated(again.port(), again.token())) {
            JsonNode history = s.send(RawSocket.req("h", "chat.history", "{\"sessionKey\":\"agent:main:main\"}"))
                    .res("h")
                    .path("payload")
                    .path("messages");
            assertThat(history).hasSize(2);
            assertThat(history.get(0).path("role").asText()).isEqualTo("user");
            assertThat(history.get(0).path("content").get(0).path("text").asText())
                    .isEqualTo("hello there");
            assertThat(history.get(1).path("role").asText()).isEqualTo("assistant");
            assertThat(history.get(1).path("content").get(0).path("text").asText())
                    .isEqualTo("echo: hello there");
        }
    }

    @Test
    void tool_calls_stream_as_tool_events_and_appear_in_history() {
        try (ControlGateway gateway = ControlGateway.start(home, "[agents.main]\ntools = [\"current_time\"]\n");
                RawSocket s = RawSocket.authenticated(gateway.port(), gateway.token())) {
            s.send(RawSocket.req(
                    "1",
                    "chat.send",
                    "{\"sessionKey\":\"agent:main:main\",\"message\":\"time?\",\"idempotencyKey\":\"t1\"}"));
            JsonNode start = s.next(f -> f.path("event").asText().equals("agent")
                    && f.path("payload").path("stream").asText().equals("tool"));
            assertThat(start.path("payload").path("data").path("name").asText()).isEqualTo("current_time");
            JsonNode fin = s.next(f -> chatEvent(f, "t1", "final"));
            assertThat(fin.path("payload")
                            .path("message")
                            .path("content")
                            .get(0)
                            .path("text")
                            .asText())
                    .isEqualTo("the tool said: done");
            JsonNode history = s.send(RawSocket.req("h", "chat.history", "{\"sessionKey\":\"agent:main:main\"}"))
                    .res("h")
                    .path("payload")
                    .path("messages");
            assertThat(history.toString()).contains("\"type\":\"toolCall\"", "\"role\":\"toolResult\"");
        }
    }

    @Test
    void chat_abort_stops_a_running_reply() {
        try (ControlGateway gateway = ControlGateway.start(home, "");
                RawSocket s = RawSocket.authenticated(gateway.port(), gateway.token())) {
            s.send(RawSocket.req(
                    "1",
                    "chat.send",
                    "{\"sessionKey\":\"agent:main:main\",\"message\":\"slow\",\"idempotencyKey\":\"s1\"}"));
            s.next(f -> chatEvent(f, "s1", "delta"));
            JsonNode abort = s.send(RawSocket.req("2", "chat.abort", "{\"sessionKey\":\"agent:main:main\"}"))
                    .res("2")
                    .path("payload");
            assertThat(abort.path("aborted").asBoolean()).isTrue();
            assertThat(abort.path("runIds").toString()).contains("s1");
            s.next(f -> chatEvent(f, "s1", "aborted"));
        }
    }

    @Test
    void the_agent_method_answers_twice_with_the_same_id_and_agent_wait_reports_the_end() {
        try (ControlGateway gateway = ControlGateway.start(home, "");
                RawSocket s = RawSocket.authenticated(gateway.port(), gateway.token())) {
            s.send(RawSocket.req("a", "agent", "{\"message\":\"hi agent\",\"idempotencyKey\":\"ag-1\"}"));
            JsonNode first = s.res("a");
            assertThat(first.path("payload").path("status").asText()).isEqualTo("accepted");
            JsonNode second = s.res("a");
            assertThat(second.path("ok").asBoolean()).isTrue();
            assertThat(second.path("payload").path("status").asText()).isEqualTo("ok");
            assertThat(second.path("payload")
                            .path("result")
                            .path("payloads")
                            .get(0)
                            .path("text")
                            .asText())
                    .isEqualTo("echo: hi agent");
            JsonNode waited = s.send(RawSocket.req("w", "agent.wait", "{\"runId\":\"ag-1\",\"timeoutMs\":1000}"))
                    .res("w");
            assertThat(waited.path("payload").path("status").asText()).isEqualTo("ok");
            JsonNode again = s.send(
                            RawSocket.req("b", "agent", "{\"message\":\"hi agent\",\"idempotencyKey\":\"ag-1\"}"))
                    .res("b");
            assertThat(again.path("payload").path("status").asText()).isEqualTo("accepted");
            assertThat(s.res("b").path("payload").path("status").asText()).isEqualTo("ok");
            JsonNode history = s.send(RawSocket.req("h", "chat.history", "{\"sessionKey\":\"agent:main:main\"}"))
                    .res("h")
                    .path("payload")
                    .path("messages");
            assertThat(history)
                    .as("an idempotent replay does not run the turn again")
                    .hasSize(2);
        }
    }

    @Test
    void session_commands_are_answered_by_the_gateway_and_sessions_can_be_listed_reset_and_deleted() {
        try (ControlGateway gateway = ControlGateway.start(home, "");
                RawSocket s = RawSocket.authenticated(gateway.port(), gateway.token())) {
            s.send(RawSocket.req(
                    "1",
                    "chat.send",
                    "{\"sessionKey\":\"agent:main:main\",\"message\":\"one\",\"idempotencyKey\":\"k1\"}"));
            s.next(f -> chatEvent(f, "k1", "final"));
            s.send(RawSocket.req(
                    "2",
                    "chat.send",
                    "{\"sessionKey\":\"agent:main:main\",\"message\":\"/session status\",\"idempotencyKey\":\"k2\"}"));
            JsonNode status = s.next(f -> chatEvent(f, "k2", "final"));
            assertThat(status.path("payload")
                            .path("message")
                            .path("content")
                            .get(0)
                            .path("text")
                            .asText())
                    .contains("agent:main:main");
            JsonNode list =
                    s.send(RawSocket.req("l", "sessions.list", "{}")).res("l").path("payload");
            assertThat(list.path("sessions").get(0).path("key").asText()).isEqualTo("agent:main:main");
            assertThat(list.path("sessions").get(0).path("messages").asLong()).isEqualTo(2);
            JsonNode reset = s.send(RawSocket.req("r", "sessions.reset", "{\"key\":\"agent:main:main\"}"))
                    .res("r");
            assertThat(reset.path("ok").asBoolean()).isTrue();
            JsonNode history = s.send(RawSocket.req("h", "chat.history", "{\"sessionKey\":\"agent:main:main\"}"))
                    .res("h");
            assertThat(history.path("payload").path("messages")).isEmpty();
            JsonNode deleted = s.send(RawSocket.req("d", "sessions.delete", "{\"key\":\"agent:main:main\"}"))
                    .res("d");
            assertThat(deleted.path("payload").path("deleted").asBoolean()).isTrue();
            assertThat(s.send(RawSocket.req("l2", "sessions.list", "{}"))
                            .res("l2")
                            .path("payload")
                            .path("count")
                            .asInt())
                    .isZero();
        }
    }
}
