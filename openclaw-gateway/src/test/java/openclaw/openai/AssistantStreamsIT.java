package openclaw.openai;

import static openclaw.openai.AssistantsHttp.events;
import static openclaw.openai.AssistantsHttp.names;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streamed Assistants runs (named events in the documented order) and runs that outlive the gateway process. */
class AssistantStreamsIT {

    private static final String TOOL = "{\"type\":\"function\",\"function\":{\"name\":\"lookup\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{}}}}";

    @TempDir
    static Path home;

    static ApiGateway gateway;
    static AssistantsHttp api;

    @BeforeAll
    static void start() {
        gateway = ApiGateway.start(home.resolve("gw"));
        api = new AssistantsHttp(gateway);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void create_thread_and_run_streams_events_in_the_documented_order() {
        var r = api.post(
                "/threads/runs",
                "{\"assistant_id\":\"openclaw\",\"stream\":true,"
                        + "\"thread\":{\"messages\":[{\"role\":\"user\",\"content\":\"stream me\"}]}}");
        List<AssistantsHttp.Sse> events = events(r);
        assertThat(names(events))
                .containsExactly(
                        "thread.created",
                        "thread.run.created",
                        "thread.run.queued",
                        "thread.run.in_progress",
                        "thread.run.step.created",
                        "thread.run.step.in_progress",
                        "thread.message.created",
                        "thread.message.in_progress",
                        "thread.message.delta",
                        "thread.message.completed",
                        "thread.run.step.completed",
                        "thread.run.completed",
                        "done");
        assertThat(events.getLast().data()).isEqualTo("[DONE]");
        String text = events.stream()
                .filter(e -> e.event().equals("thread.message.delta"))
                .map(e -> e.json()
                        .path("delta")
                        .path("content")
                        .get(0)
                        .path("text")
                        .path("value")
                        .asText())
                .collect(Collectors.joining());
        assertThat(text).isEqualTo("echo: stream me");
        JsonNode delta = events.stream()
                .filter(e -> e.event().equals("thread.message.delta"))
                .findFirst()
                .orElseThrow()
                .json();
        assertThat(delta.path("object").asText()).isEqualTo("thread.message.delta");
        assertThat(delta.path("delta").path("content").get(0).path("index").asInt())
                .isZero();
        JsonNode completed = event(events, "thread.message.completed");
        assertThat(completed.path("content").get(0).path("text").path("value").asText())
                .isEqualTo(text);
        JsonNode run = event(events, "thread.run.completed");
        assertThat(run.path("status").asText()).isEqualTo("completed");
        String threadId = event(events, "thread.created").path("id").asText();
        assertThat(run.path("thread_id").asText()).isEqualTo(threadId);
        // the streamed message is the thread's stored message, under the same id
        JsonNode stored = api.okGet("/threads/" + threadId + "/messages?limit=1")
                .path("data")
                .get(0);
        assertThat(stored.path("id").asText()).isEqualTo(completed.path("id").asText());
        assertThat(api.okGet("/threads/" + threadId + "/runs/" + run.path("id").asText())
                        .path("status")
                        .asText())
                .isEqualTo("completed");
    }

    @Test
    void a_streamed_function_call_waits_for_outputs_and_submitting_them_streams_the_rest() {
        String asst = api.ok("/assistants", "{\"model\":\"openclaw\",\"tools\":[" + TOOL + "]}")
                .path("id")
                .asText();
        String thread = api.thread("call lookup {\"q\":\"x\"}");
        List<AssistantsHttp.Sse> first =
                events(api.post("/threads/" + thread + "/runs", "{\"assistant_id\":\"" + asst + "\",\"stream\":true}"));
        assertThat(names(first))
                .containsExactly(
                        "thread.run.created",
                        "thread.run.queued",
                        "thread.run.in_progress",
                        "thread.run.step.created",
                        "thread.run.step.in_progress",
                        "thread.run.step.delta",
                        "thread.run.requires_action",
                        "done");
        JsonNode delta = event(first, "thread.run.step.delta").path("delta").path("step_details");
        assertThat(delta.path("type").asText()).isEqualTo("tool_calls");
        JsonNode call = delta.path("tool_calls").get(0);
        assertThat(call.path("index").asInt()).isZero();
        assertThat(call.path("function").path("name").asText()).isEqualTo("lookup");
        JsonNode waiting = event(first, "thread.run.requires_action");
        String callId = waiting.path("required_action")
                .path("submit_tool_outputs")
                .path("tool_calls")
                .get(0)
                .path("id")
                .asText();
        assertThat(callId).isEqualTo(call.path("id").asText());

        String runId = waiting.path("id").asText();
        List<AssistantsHttp.Sse> second = events(api.post(
                "/threads/" + thread + "/runs/" + runId + "/submit_tool_outputs",
                "{\"stream\":true,\"tool_outputs\":[{\"tool_call_id\":\"" + callId + "\",\"output\":\"found\"}]}"));
        assertThat(names(second))
                .containsExactly(
                        "thread.run.step.completed",
                        "thread.run.queued",
                        "thread.run.in_progress",
                        "thread.run.step.created",
                        "thread.run.step.in_progress",
                        "thread.message.created",
                        "thread.message.in_progress",
                        "thread.message.delta",
                        "thread.message.completed",
                        "thread.run.step.completed",
                        "thread.run.completed",
                        "done");
        assertThat(event(second, "thread.message.completed")
                        .path("content")
                        .get(0)
                        .path("text")
                        .path("value")
                        .asText())
                .isEqualTo("tool said: found");
        JsonNode toolStep = second.getFirst().json();
        assertThat(toolStep.path("type").asText()).isEqualTo("tool_calls");
        assertThat(toolStep.path("step_details")
                        .path("tool_calls")
                        .get(0)
                        .path("function")
                        .path("output")
                        .asText())
                .isEqualTo("found");
    }

    @Test
    void runs_messages_and_waiting_tool_calls_survive_a_restart(@TempDir Path other) {
        String thread;
        String done;
        String waiting;
        String callId;
        try (ApiGateway first = ApiGateway.start(other)) {
            AssistantsHttp a = new AssistantsHttp(first);
            String asst = a.ok("/assistants", "{\"model\":\"openclaw\",\"tools\":[" + TOOL + "]}")
                    .path("id")
                    .asText();
            thread = a.thread("remember me");
            done = a.ok("/threads/" + thread + "/runs", "{\"assistant_id\":\"" + asst + "\"}")
                    .path("id")
                    .asText();
            assertThat(a.await(thread, done).path("status").asText()).isEqualTo("completed");
            a.ok("/threads/" + thread + "/messages", "{\"role\":\"user\",\"content\":\"call lookup {}\"}");
            waiting = a.ok("/threads/" + thread + "/runs", "{\"assistant_id\":\"" + asst + "\"}")
                    .path("id")
                    .asText();
            JsonNode w = a.await(thread, waiting);
            assertThat(w.path("status").asText()).isEqualTo("requires_action");
            callId = w.path("required_action")
                    .path("submit_tool_outputs")
                    .path("tool_calls")
                    .get(0)
                    .path("id")
                    .asText();
        }
        try (ApiGateway second = ApiGateway.start(other)) {
            AssistantsHttp a = new AssistantsHttp(second);
            assertThat(a.okGet("/threads/" + thread + "/runs/" + done)
                            .path("status")
                            .asText())
                    .isEqualTo("completed");
            JsonNode messages =
                    a.okGet("/threads/" + thread + "/messages?order=asc").path("data");
            assertThat(messages.valueStream().map(m -> m.path("content")
                            .get(0)
                            .path("text")
                            .path("value")
                            .asText()))
                    .containsExactly("remember me", "echo: remember me", "call lookup {}");
            a.ok(
                    "/threads/" + thread + "/runs/" + waiting + "/submit_tool_outputs",
                    "{\"tool_outputs\":[{\"tool_call_id\":\"" + callId + "\",\"output\":\"after restart\"}]}");
            assertThat(a.await(thread, waiting).path("status").asText()).isEqualTo("completed");
            assertThat(a.okGet("/threads/" + thread + "/messages?limit=1")
                            .path("data")
                            .get(0)
                            .path("content")
                            .get(0)
                            .path("text")
                            .path("value")
                            .asText())
                    .isEqualTo("tool said: after restart");
        }
    }

    private static JsonNode event(List<AssistantsHttp.Sse> events, String name) {
        return events.stream()
                .filter(e -> e.event().equals(name))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + name + " event"))
                .json();
    }
}
