package openclaw.openai;

import static openclaw.openai.ChatCalls.WEATHER_TOOL;
import static openclaw.openai.ChatCalls.events;
import static openclaw.openai.ChatCalls.json;
import static openclaw.openai.ChatCalls.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /v1/chat/completions} against an in-process gateway on the script model, with the JDK HTTP client. */
class ChatCompletionsIT {

    @TempDir
    static Path home;

    static ApiGateway gateway;
    static ChatCalls calls;

    @BeforeAll
    static void start() {
        gateway = ApiGateway.start(home.resolve("gw"));
        calls = new ChatCalls(gateway);
    }

    private static HttpResponse<String> chat(String body) {
        return calls.post(body);
    }

    private static HttpResponse<String> chat(String body, String header, String value) {
        return calls.post(body, header, value);
    }

    private static String ask(String model, String text, String extra) {
        return calls.ask(model, text, extra);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void a_completion_has_the_openai_shape_and_echoes_the_model() throws Exception {
        long before = System.currentTimeMillis() / 1000;
        HttpResponse<String> r = chat("{\"model\":\"openclaw\",\"messages\":[" + user("hello")
                + "],\"temperature\":0.2," + "\"some_future_field\":{\"x\":1}}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode c = json(r);
        assertThat(c.path("id").asText()).startsWith("chatcmpl-");
        assertThat(c.path("object").asText()).isEqualTo("chat.completion");
        assertThat(c.path("created").asLong()).isBetween(before, before + 60);
        assertThat(c.path("model").asText()).isEqualTo("openclaw");
        JsonNode choice = c.path("choices").get(0);
        assertThat(choice.path("index").asInt()).isZero();
        assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
        assertThat(choice.path("message").path("content").asText()).isEqualTo("echo: hello");
        assertThat(choice.path("message").get("refusal").isNull()).isTrue();
        assertThat(choice.path("message").has("tool_calls")).isFalse();
        assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
        JsonNode usage = c.path("usage");
        assertThat(usage.path("prompt_tokens").asInt()).isEqualTo(7);
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(3);
        assertThat(usage.path("total_tokens").asInt()).isEqualTo(10);
        assertThat(usage.at("/prompt_tokens_details/cached_tokens").isNumber()).isTrue();
        assertThat(usage.at("/completion_tokens_details/reasoning_tokens").isNumber())
                .isTrue();
    }

    @Test
    void system_and_developer_messages_are_added_to_the_agents_instructions() throws Exception {
        HttpResponse<String> r = chat("{\"model\":\"openclaw/research-bot\",\"messages\":["
                + "{\"role\":\"system\",\"content\":\"Be terse.\"},"
                + "{\"role\":\"developer\",\"content\":[{\"type\":\"text\",\"text\":\"Cite sources.\"}]},"
                + user("system?") + "]}");

        assertThat(json(r).at("/choices/0/message/content").asText())
                .isEqualTo("You research.\n\nBe terse.\n\nCite sources.");
    }

    @Test
    void the_model_or_the_agent_header_picks_the_agent() throws Exception {
        assertThat(ask("openclaw/research-bot", "system?", "")).isEqualTo("You research.");
        assertThat(ask("openclaw:research-bot", "system?", "")).isEqualTo("You research.");
        assertThat(ask("agent:research-bot", "system?", "")).isEqualTo("You research.");
        assertThat(ask("research-bot", "system?", "")).isEqualTo("You research.");
        assertThat(ask("openclaw", "system?", "")).isNotEqualTo("You research.");

        HttpResponse<String> r = chat(
                "{\"model\":\"openclaw\",\"messages\":[" + user("system?") + "]}",
                "x-openclaw-agent-id",
                "research-bot");
        assertThat(json(r).at("/choices/0/message/content").asText()).isEqualTo("You research.");
        assertThat(json(r).path("model").asText()).isEqualTo("openclaw");
    }

    @Test
    void a_user_keeps_one_session_and_requests_without_one_start_fresh() throws Exception {
        assertThat(ask("openclaw", "history?", ",\"user\":\"alice\"")).isEqualTo("messages: 1");
        assertThat(ask("openclaw", "history?", ",\"user\":\"alice\"")).isEqualTo("messages: 3");
        assertThat(ask("openclaw", "history?", ",\"user\":\"bob\"")).isEqualTo("messages: 1");
        assertThat(ask("openclaw", "history?", "")).isEqualTo("messages: 1");
        assertThat(ask("openclaw", "history?", "")).isEqualTo("messages: 1");
    }

    @Test
    void a_stateless_client_resending_the_history_gets_it_as_context() throws Exception {
        String body = "{\"model\":\"openclaw\",\"messages\":[" + user("hi")
                + ",{\"role\":\"assistant\",\"content\":\"echo: hi\"}," + user("history?") + "]}";
        assertThat(json(chat(body)).at("/choices/0/message/content").asText()).isEqualTo("messages: 3");
    }

    @Test
    void the_session_key_header_selects_the_session_and_reserved_prefixes_are_refused() throws Exception {
        String body = "{\"model\":\"openclaw\",\"messages\":[" + user("history?") + "]}";
        String key = "agent:main:openai:header-test";
        assertThat(json(chat(body, "x-openclaw-session-key", key))
                        .at("/choices/0/message/content")
                        .asText())
                .isEqualTo("messages: 1");
        assertThat(json(chat(body, "x-openclaw-session-key", key))
                        .at("/choices/0/message/content")
                        .asText())
                .isEqualTo("messages: 3");

        HttpResponse<String> reserved = chat(body, "x-openclaw-session-key", "cron:nightly");
        assertThat(reserved.statusCode()).isEqualTo(400);
        assertThat(json(reserved).at("/error/param").asText()).isEqualTo("x-openclaw-session-key");
    }

    @Test
    void a_stream_sends_role_deltas_finish_and_done_with_one_identity() throws Exception {
        HttpResponse<String> r =
                chat("{\"model\":\"openclaw/main\",\"stream\":true,\"messages\":[" + user("streaming") + "]}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-cache");
        List<String> data = events(r.body());
        assertThat(data.getLast()).isEqualTo("[DONE]");
        List<JsonNode> chunks = new ArrayList<>();
        for (String d : data.subList(0, data.size() - 1)) {
            chunks.add(ApiResponses.MAPPER.readTree(d));
        }
        JsonNode first = chunks.getFirst();
        assertThat(first.path("id").asText()).startsWith("chatcmpl-");
        assertThat(first.at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        assertThat(first.at("/choices/0/delta/content").asText()).isEmpty();
        StringBuilder text = new StringBuilder();
        for (JsonNode c : chunks) {
            assertThat(c.path("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(c.path("id").asText()).isEqualTo(first.path("id").asText());
            assertThat(c.path("created").asLong())
                    .isEqualTo(first.path("created").asLong());
            assertThat(c.path("model").asText()).isEqualTo("openclaw/main");
            assertThat(c.has("usage")).isFalse();
            text.append(c.at("/choices/0/delta/content").asText(""));
        }
        assertThat(text).hasToString("echo: streaming");
        assertThat(chunks.size()).isGreaterThanOrEqualTo(4);
        JsonNode last = chunks.getLast();
        assertThat(last.at("/choices/0/delta").isEmpty()).isTrue();
        assertThat(last.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        chunks.subList(0, chunks.size() - 1)
                .forEach(c ->
                        assertThat(c.at("/choices/0/finish_reason").isNull()).isTrue());
    }

    @Test
    void include_usage_adds_a_usage_chunk_without_choices_before_done() throws Exception {
        HttpResponse<String> r =
                chat("{\"model\":\"openclaw\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                        + "\"messages\":[" + user("count me") + "]}");

        List<String> data = events(r.body());
        assertThat(data.getLast()).isEqualTo("[DONE]");
        JsonNode usageChunk = ApiResponses.MAPPER.readTree(data.get(data.size() - 2));
        assertThat(usageChunk.path("choices").isArray()).isTrue();
        assertThat(usageChunk.path("choices").isEmpty()).isTrue();
        assertThat(usageChunk.at("/usage/prompt_tokens").asInt()).isEqualTo(7);
        assertThat(usageChunk.at("/usage/completion_tokens").asInt()).isEqualTo(3);
        assertThat(usageChunk.at("/usage/total_tokens").asInt()).isEqualTo(10);
        JsonNode finish = ApiResponses.MAPPER.readTree(data.get(data.size() - 3));
        assertThat(finish.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        for (String d : data.subList(0, data.size() - 2)) {
            JsonNode c = ApiResponses.MAPPER.readTree(d);
            assertThat(c.has("usage")).isTrue();
            assertThat(c.get("usage").isNull()).isTrue();
        }
    }

    @Test
    void a_client_leaving_a_stream_aborts_its_run() throws Exception {
        String key = "agent:main:openai:leaver";
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = gateway.request("/chat/completions")
                .header("Content-Type", "application/json")
                .header("x-openclaw-session-key", key)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"openclaw\",\"stream\":true,\"messages\":[" + user("slow") + "]}"))
                .build();
        HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            int ticks = 0;
            for (String line = reader.readLine(); line != null && ticks < 2; line = reader.readLine()) {
                if (line.contains("tick ")) {
                    ticks++;
                }
            }
            assertThat(ticks).isEqualTo(2);
        }
        http.close();
        // The slow run needs 5 s; the next turn of the session waits for it unless it was aborted.
        long start = System.nanoTime();
        HttpResponse<String> next =
                chat("{\"model\":\"openclaw\",\"messages\":[" + user("after") + "]}", "x-openclaw-session-key", key);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(millis).isLessThan(2_500);
    }

    @Test
    void a_run_ended_mid_stream_by_someone_else_ends_with_an_error_object_and_done() throws Exception {
        ApiGateway own = ApiGateway.start(home.resolve("aborted"));
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = own.request("/chat/completions")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"openclaw\",\"stream\":true,\"messages\":[" + user("slow") + "]}"))
                .build();
        HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.contains("tick 1 ")) {
                    Thread.ofVirtual().start(own::close); // shutdown aborts the runs, then drains requests
                }
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
        } finally {
            own.close();
            http.close();
        }
        assertThat(lines.getLast()).isEqualTo("data: [DONE]");
        JsonNode error = json(lines.get(lines.size() - 2).substring("data: ".length()));
        assertThat(error.at("/error/type").asText()).isEqualTo("server_error");
        assertThat(error.at("/error/message").asText()).contains("aborted");
        assertThat(lines).noneMatch(l -> l.contains("\"finish_reason\":\"stop\""));
    }

    @Test
    void a_failing_model_is_a_server_error_before_and_instead_of_a_stream() throws Exception {
        HttpResponse<String> plain = chat("{\"model\":\"openclaw\",\"messages\":[" + user("fail") + "]}");
        assertThat(plain.statusCode()).isEqualTo(500);
        assertThat(json(plain).at("/error/type").asText()).isEqualTo("server_error");
        assertThat(json(plain).at("/error/message").asText()).isNotBlank();

        HttpResponse<String> streamed =
                chat("{\"model\":\"openclaw\",\"stream\":true,\"messages\":[" + user("fail") + "]}");
        assertThat(streamed.statusCode()).isEqualTo(500);
        assertThat(json(streamed).at("/error/type").asText()).isEqualTo("server_error");
    }

    @Test
    void tool_choice_none_offers_no_client_tools() throws Exception {
        assertThat(ask("openclaw", "call get_weather {}", ",\"tools\":" + WEATHER_TOOL + ",\"tool_choice\":\"none\""))
                .isEqualTo("no tool get_weather");
    }

    @Test
    void requests_are_counted_under_chat_completions() throws Exception {
        ask("openclaw", "count", "");
        String metrics = gateway.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/metrics"))
                                .GET()
                                .build())
                .body();
        assertThat(metrics).containsPattern("openclaw_openai_requests_total\\{[^}]*endpoint=\"chat.completions\"");
    }
}
