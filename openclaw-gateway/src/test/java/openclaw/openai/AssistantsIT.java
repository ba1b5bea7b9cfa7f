package openclaw.openai;

import static openclaw.openai.AssistantsHttp.error;
import static openclaw.openai.AssistantsHttp.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Assistants API v2 over HTTP: assistants, threads, messages, runs (non-streaming), errors. */
class AssistantsIT {

    private static final String WEATHER = "{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"description\":\"Weather of a city\",\"parameters\":{\"type\":\"object\",\"properties\":"
            + "{\"city\":{\"type\":\"string\"}}}}}";

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

    private static String assistant(String body) {
        return api.ok("/assistants", body).path("id").asText();
    }

    private static JsonNode run(String threadId, String body) {
        return api.ok("/threads/" + threadId + "/runs", body);
    }

    @Test
    void assistants_are_created_listed_retrieved_modified_and_deleted() {
        JsonNode a = api.ok(
                "/assistants",
                "{\"model\":\"openclaw/research-bot\",\"name\":\"Helper\",\"instructions\":\"Be brief.\","
                        + "\"tools\":[" + WEATHER + "],\"metadata\":{\"team\":\"x\"}}");
        String id = a.path("id").asText();
        assertThat(id).startsWith("asst_");
        assertThat(a.path("object").asText()).isEqualTo("assistant");
        assertThat(a.path("model").asText()).isEqualTo("openclaw/research-bot");
        assertThat(a.path("tools").get(0).path("function").path("name").asText())
                .isEqualTo("get_weather");
        assertThat(a.path("metadata").path("team").asText()).isEqualTo("x");
        assertThat(a.has("_agent")).isFalse();

        assertThat(api.okGet("/assistants/" + id).path("instructions").asText()).isEqualTo("Be brief.");
        JsonNode changed = api.ok("/assistants/" + id, "{\"name\":\"Renamed\",\"instructions\":null}");
        assertThat(changed.path("name").asText()).isEqualTo("Renamed");
        assertThat(changed.path("instructions").isNull()).isTrue();
        assertThat(changed.path("tools")).hasSize(1);
        assertThat(api.okGet("/assistants?limit=100").path("data").findValuesAsText("id"))
                .contains(id);

        JsonNode deleted = ok(api.delete("/assistants/" + id));
        assertThat(deleted.path("object").asText()).isEqualTo("assistant.deleted");
        assertThat(deleted.path("deleted").asBoolean()).isTrue();
        error(api.get("/assistants/" + id), 404);
        error(api.delete("/assistants/" + id), 404);
    }

    @Test
    void every_assistants_call_needs_the_beta_header() {
        var r = gateway.send(gateway.request("/assistants").GET().build());
        assertThat(error(r, 400).path("code").asText()).isEqualTo("missing_beta_header");
        var post = gateway.post("/threads", "{}");
        assertThat(error(post, 400).path("message").asText()).contains("OpenAI-Beta");
        var wrong = gateway.send(gateway.request("/threads/thread_x/runs")
                .header("OpenAI-Beta", "assistants=v1")
                .GET()
                .build());
        error(wrong, 400);
    }

    @Test
    void bad_assistant_input_gets_4xx_envelopes() {
        assertThat(error(api.post("/assistants", "{}"), 400).path("param").asText())
                .isEqualTo("model");
        assertThat(error(api.post("/assistants", "{\"model\":\"gpt-4o\"}"), 404)
                        .path("code")
                        .asText())
                .isEqualTo("model_not_found");
        var interpreter =
                api.post("/assistants", "{\"model\":\"openclaw\",\"tools\":[{\"type\":\"code_interpreter\"}]}");
        assertThat(error(interpreter, 400).path("param").asText()).isEqualTo("tools[0].type");
        assertThat(error(api.post("/assistants", "{\"model\":\"openclaw\",\"temperature\":\"hot\"}"), 400)
                        .path("param")
                        .asText())
                .isEqualTo("temperature");
        error(api.post("/assistants", "{not json"), 400);
        assertThat(error(api.get("/assistants?limit=0"), 400).path("param").asText())
                .isEqualTo("limit");
        assertThat(error(api.get("/assistants?order=sideways"), 400)
                        .path("param")
                        .asText())
                .isEqualTo("order");
    }

    @Test
    void lists_page_by_limit_cursor_and_order() {
        String thread = api.ok("/threads", "{}").path("id").asText();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(api.ok("/threads/" + thread + "/messages", "{\"role\":\"user\",\"content\":\"m" + i + "\"}")
                    .path("id")
                    .asText());
        }
        String base = "/threads/" + thread + "/messages";
        JsonNode first = api.okGet(base + "?limit=2&order=asc");
        assertThat(first.path("object").asText()).isEqualTo("list");
        assertThat(first.path("data").findValuesAsText("id")).containsExactly(ids.get(0), ids.get(1));
        assertThat(first.path("first_id").asText()).isEqualTo(ids.get(0));
        assertThat(first.path("last_id").asText()).isEqualTo(ids.get(1));
        assertThat(first.path("has_more").asBoolean()).isTrue();
        JsonNode last = api.okGet(base + "?limit=2&order=asc&after=" + ids.get(3));
        assertThat(last.path("data").findValuesAsText("id")).containsExactly(ids.get(4));
        assertThat(last.path("has_more").asBoolean()).isFalse();
        assertThat(api.okGet(base).path("data").findValuesAsText("id"))
                .containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));
        assertThat(api.okGet(base + "?before=" + ids.get(2) + "&limit=1")
                        .path("data")
                        .findValuesAsText("id"))
                .containsExactly(ids.get(3));
        JsonNode text = api.okGet(base + "/" + ids.get(1)).path("content").get(0);
        assertThat(text.path("type").asText()).isEqualTo("text");
        assertThat(text.path("text").path("value").asText()).isEqualTo("m1");
    }

    @Test
    void a_run_answers_the_thread_and_its_answer_becomes_an_assistant_message() {
        String asst = assistant("{\"model\":\"openclaw\",\"instructions\":\"Speak like a pirate.\"}");
        String thread = api.thread("hello there");
        JsonNode created = run(thread, "{\"assistant_id\":\"" + asst + "\"}");
        assertThat(created.path("id").asText()).startsWith("run_");
        assertThat(created.path("status").asText()).isIn("queued", "in_progress", "completed");
        assertThat(created.path("expires_at").asLong())
                .isEqualTo(created.path("created_at").asLong() + 600);

        JsonNode done = api.await(thread, created.path("id").asText());
        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("usage").path("prompt_tokens").asInt()).isEqualTo(7);
        assertThat(done.path("usage").path("total_tokens").asInt()).isEqualTo(10);
        assertThat(done.path("completed_at").asLong()).isPositive();

        JsonNode newest =
                api.okGet("/threads/" + thread + "/messages").path("data").get(0);
        assertThat(newest.path("role").asText()).isEqualTo("assistant");
        assertThat(newest.path("content").get(0).path("text").path("value").asText())
                .isEqualTo("echo: hello there");
        assertThat(newest.path("run_id").asText()).isEqualTo(done.path("id").asText());
        assertThat(newest.path("assistant_id").asText()).isEqualTo(asst);
        JsonNode byRun = api.okGet(
                "/threads/" + thread + "/messages?run_id=" + done.path("id").asText());
        assertThat(byRun.path("data")).hasSize(1);

        JsonNode steps =
                api.okGet("/threads/" + thread + "/runs/" + done.path("id").asText() + "/steps");
        JsonNode step = steps.path("data").get(0);
        assertThat(step.path("type").asText()).isEqualTo("message_creation");
        assertThat(step.path("status").asText()).isEqualTo("completed");
        assertThat(step.path("step_details")
                        .path("message_creation")
                        .path("message_id")
                        .asText())
                .isEqualTo(newest.path("id").asText());
        String stepPath = "/threads/" + thread + "/runs/" + done.path("id").asText() + "/steps/";
        assertThat(api.okGet(stepPath + step.path("id").asText()).path("id").asText())
                .isEqualTo(step.path("id").asText());
        assertThat(api.okGet("/threads/" + thread + "/runs")
                        .path("data")
                        .get(0)
                        .path("id")
                        .asText())
                .isEqualTo(done.path("id").asText());

        api.ok("/threads/" + thread + "/messages", "{\"role\":\"user\",\"content\":\"system?\"}");
        String second =
                run(thread, "{\"assistant_id\":\"" + asst + "\"}").path("id").asText();
        assertThat(api.await(thread, second).path("status").asText()).isEqualTo("completed");
        assertThat(api.okGet("/threads/" + thread + "/messages?limit=1")
                        .path("data")
                        .get(0)
                        .path("content")
                        .get(0)
                        .path("text")
                        .path("value")
                        .asText())
                .contains("Speak like a pirate.");
    }

    @Test
    void an_agent_target_is_an_assistant_as_it_is() {
        String thread = api.thread("system?");
        String runId = run(thread, "{\"assistant_id\":\"openclaw/research-bot\"}")
                .path("id")
                .asText();
        assertThat(api.await(thread, runId).path("status").asText()).isEqualTo("completed");
        JsonNode answer = api.okGet("/threads/" + thread + "/messages?limit=1")
                .path("data")
                .get(0);
        assertThat(answer.path("content").get(0).path("text").path("value").asText())
                .isEqualTo("You research.");
        var missing = api.post("/threads/" + thread + "/runs", "{\"assistant_id\":\"asst_missing\"}");
        assertThat(error(missing, 404).path("param").asText()).isEqualTo("assistant_id");
        error(api.post("/threads/" + thread + "/runs", "{\"assistant_id\":\"nobody\"}"), 404);
    }

    @Test
    void a_function_call_requires_action_and_submitted_outputs_complete_the_run() {
        String asst = assistant("{\"model\":\"openclaw\",\"tools\":[" + WEATHER + "]}");
        String thread = api.thread("call get_weather {\"city\":\"Paris\"}");
        String runId =
                run(thread, "{\"assistant_id\":\"" + asst + "\"}").path("id").asText();
        JsonNode waiting = api.await(thread, runId);
        assertThat(waiting.path("status").asText()).isEqualTo("requires_action");
        JsonNode call = waiting.path("required_action")
                .path("submit_tool_outputs")
                .path("tool_calls")
                .get(0);
        assertThat(waiting.path("required_action").path("type").asText()).isEqualTo("submit_tool_outputs");
        assertThat(call.path("type").asText()).isEqualTo("function");
        assertThat(call.path("function").path("name").asText()).isEqualTo("get_weather");
        assertThat(call.path("function").path("arguments").asText()).isEqualTo("{\"city\":\"Paris\"}");

        String submit = "/threads/" + thread + "/runs/" + runId + "/submit_tool_outputs";
        error(api.post(submit, "{\"tool_outputs\":[{\"tool_call_id\":\"call_other\",\"output\":\"x\"}]}"), 400);
        error(api.post("/threads/" + thread + "/messages", "{\"role\":\"user\",\"content\":\"hi\"}"), 400);
        String output =
                "{\"tool_outputs\":[{\"tool_call_id\":\"" + call.path("id").asText() + "\",\"output\":\"sunny\"}]}";
        assertThat(api.ok(submit, output).path("status").asText()).isIn("queued", "in_progress", "completed");
        JsonNode done = api.await(thread, runId);
        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("required_action").isNull()).isTrue();
        JsonNode answer = api.okGet("/threads/" + thread + "/messages?limit=1")
                .path("data")
                .get(0);
        assertThat(answer.path("content").get(0).path("text").path("value").asText())
                .isEqualTo("tool said: sunny");

        JsonNode steps = api.okGet("/threads/" + thread + "/runs/" + runId + "/steps?order=asc")
                .path("data");
        assertThat(steps.valueStream().map(st -> st.path("type").asText()))
                .containsExactly("tool_calls", "message_creation");
        JsonNode toolCall = steps.get(0).path("step_details").path("tool_calls").get(0);
        assertThat(toolCall.path("function").path("output").asText()).isEqualTo("sunny");
        assertThat(steps.get(0).path("status").asText()).isEqualTo("completed");

        JsonNode wrongState = error(api.post(submit, output), 400);
        assertThat(wrongState.path("message").asText()).contains("completed");
    }

    @Test
    void a_run_waiting_for_outputs_expires_or_is_cancelled_and_its_calls_are_closed() {
        String asst = assistant("{\"model\":\"openclaw\",\"tools\":[" + WEATHER + "]}");
        String thread = api.thread("call get_weather {}");
        String expiring =
                run(thread, "{\"assistant_id\":\"" + asst + "\"}").path("id").asText();
        assertThat(api.await(thread, expiring).path("status").asText()).isEqualTo("requires_action");
        // move the deadline into the past, as if ten minutes went by
        var kv = gateway.process.store().keyValues();
        JsonNode stored =
                AssistantsHttp.parse(kv.get("openai.runs/" + thread, expiring).orElseThrow());
        ((com.fasterxml.jackson.databind.node.ObjectNode) stored).put("expires_at", 1);
        kv.put("openai.runs/" + thread, expiring, stored.toString());
        JsonNode expired = api.okGet("/threads/" + thread + "/runs/" + expiring);
        assertThat(expired.path("status").asText()).isEqualTo("expired");
        assertThat(expired.path("required_action").isNull()).isTrue();
        String key = "agent:main:assistants:" + thread;
        assertThat(gateway.process
                        .store()
                        .transcripts()
                        .read(key, 0, 100)
                        .getLast()
                        .content())
                .contains("expired");

        api.ok("/threads/" + thread + "/messages", "{\"role\":\"user\",\"content\":\"call get_weather {}\"}");
        String cancelled =
                run(thread, "{\"assistant_id\":\"" + asst + "\"}").path("id").asText();
        assertThat(api.await(thread, cancelled).path("status").asText()).isEqualTo("requires_action");
        JsonNode c = api.ok("/threads/" + thread + "/runs/" + cancelled + "/cancel", "");
        assertThat(c.path("status").asText()).isEqualTo("cancelled");
        JsonNode steps = api.okGet("/threads/" + thread + "/runs/" + cancelled + "/steps")
                .path("data");
        assertThat(steps.get(0).path("status").asText()).isEqualTo("cancelled");

        api.ok("/threads/" + thread + "/messages", "{\"role\":\"user\",\"content\":\"history?\"}");
        String next =
                run(thread, "{\"assistant_id\":\"" + asst + "\"}").path("id").asText();
        assertThat(api.await(thread, next).path("status").asText()).isEqualTo("completed");
        // user, call, closed result, user, call, closed result, user
        assertThat(api.okGet("/threads/" + thread + "/messages?limit=1")
                        .path("data")
                        .get(0)
                        .path("content")
                        .get(0)
                        .path("text")
                        .path("value")
                        .asText())
                .isEqualTo("messages: 7");
    }

    @Test
    void a_slow_run_is_cancelled_and_the_thread_goes_on() {
        String thread = api.thread("be slow");
        String runId = run(thread, "{\"assistant_id\":\"openclaw\"}").path("id").asText();
        api.awaitStatus(thread, runId, "in_progress");
        error(api.post("/threads/" + thread + "/runs", "{\"assistant_id\":\"openclaw\"}"), 400);
        JsonNode cancelling = api.ok("/threads/" + thread + "/runs/" + runId + "/cancel", "");
        assertThat(cancelling.path("status").asText()).isIn("cancelling", "cancelled");
        JsonNode cancelled = api.await(thread, runId);
        assertThat(cancelled.path("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.path("cancelled_at").asLong()).isPositive();
        error(api.post("/threads/" + thread + "/runs/" + runId + "/cancel", ""), 400);

        api.ok("/threads/" + thread + "/messages", "{\"role\":\"user\",\"content\":\"after\"}");
        String next = run(thread, "{\"assistant_id\":\"openclaw\"}").path("id").asText();
        assertThat(api.await(thread, next).path("status").asText()).isEqualTo("completed");
    }

    @Test
    void a_deleted_message_is_gone_from_the_thread_and_from_the_model() {
        String thread = api.ok("/threads", "{}").path("id").asText();
        String doomed = api.ok("/threads/" + thread + "/messages", "{\"role\":\"user\",\"content\":\"forget me\"}")
                .path("id")
                .asText();
        String kept = api.ok("/threads/" + thread + "/messages", "{\"role\":\"user\",\"content\":\"history?\"}")
                .path("id")
                .asText();
        JsonNode deleted = ok(api.delete("/threads/" + thread + "/messages/" + doomed));
        assertThat(deleted.path("object").asText()).isEqualTo("thread.message.deleted");
        error(api.get("/threads/" + thread + "/messages/" + doomed), 404);
        assertThat(api.okGet("/threads/" + thread + "/messages/" + kept)
                        .path("content")
                        .get(0)
                        .path("text")
                        .path("value")
                        .asText())
                .isEqualTo("history?");
        String runId = run(thread, "{\"assistant_id\":\"openclaw\"}").path("id").asText();
        api.await(thread, runId);
        assertThat(api.okGet("/threads/" + thread + "/messages?limit=1")
                        .path("data")
                        .get(0)
                        .path("content")
                        .get(0)
                        .path("text")
                        .path("value")
                        .asText())
                .isEqualTo("messages: 1");
        JsonNode modified = api.ok("/threads/" + thread + "/messages/" + kept, "{\"metadata\":{\"k\":\"v\"}}");
        assertThat(modified.path("metadata").path("k").asText()).isEqualTo("v");
    }

    @Test
    void threads_are_modified_and_deleted_with_their_session() {
        JsonNode t = api.ok("/threads", "{\"metadata\":{\"a\":\"1\"}}");
        String id = t.path("id").asText();
        assertThat(id).startsWith("thread_");
        assertThat(t.path("object").asText()).isEqualTo("thread");
        assertThat(t.has("_session")).isFalse();
        assertThat(api.ok("/threads/" + id, "{\"metadata\":{\"a\":\"2\"}}")
                        .path("metadata")
                        .path("a")
                        .asText())
                .isEqualTo("2");
        String key = "agent:main:assistants:" + id;
        assertThat(gateway.process.store().sessions().find(key)).isPresent();
        assertThat(ok(api.delete("/threads/" + id)).path("object").asText()).isEqualTo("thread.deleted");
        assertThat(gateway.process.store().sessions().find(key)).isEmpty();
        error(api.get("/threads/" + id), 404);
    }

    @Test
    void unknown_ids_get_404() {
        String thread = api.thread("hi");
        error(api.get("/assistants/asst_nope"), 404);
        error(api.get("/threads/thread_nope"), 404);
        error(api.get("/threads/thread_nope/messages"), 404);
        error(api.get("/threads/" + thread + "/messages/msg_nope"), 404);
        error(api.get("/threads/" + thread + "/runs/run_nope"), 404);
        error(api.post("/threads/" + thread + "/runs/run_nope/cancel", ""), 404);
        error(api.post("/threads/thread_nope/runs", "{\"assistant_id\":\"openclaw\"}"), 404);
        String runId = run(thread, "{\"assistant_id\":\"openclaw\"}").path("id").asText();
        api.await(thread, runId);
        error(api.get("/threads/" + thread + "/runs/" + runId + "/steps/step_nope"), 404);
        var noBody = gateway.send(gateway.request("/threads/" + thread + "/runs")
                .header("OpenAI-Beta", "assistants=v2")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
        assertThat(error(noBody, 400).path("param").asText()).isEqualTo("assistant_id");
    }
}
