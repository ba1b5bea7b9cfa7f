package openclaw.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * JDK HTTP client calls of the Assistants API against an {@link ApiGateway}, with {@code OpenAI-Beta: assistants=v2},
 * and the parsing of its named-event streams.
 */
final class AssistantsHttp {

    /** One server-sent event. */
    record Sse(String event, String data) {
        JsonNode json() {
            return parse(data);
        }
    }

    private final ApiGateway gateway;

    AssistantsHttp(ApiGateway gateway) {
        this.gateway = gateway;
    }

    HttpResponse<String> post(String path, String json) {
        return gateway.send(gateway.request(path)
                .header("OpenAI-Beta", "assistants=v2")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    HttpResponse<String> get(String path) {
        return gateway.send(gateway.request(path)
                .header("OpenAI-Beta", "assistants=v2")
                .GET()
                .build());
    }

    HttpResponse<String> delete(String path) {
        return gateway.send(gateway.request(path)
                .header("OpenAI-Beta", "assistants=v2")
                .DELETE()
                .build());
    }

    /** POSTs and returns the JSON of a 200 answer. */
    JsonNode ok(String path, String json) {
        return ok(post(path, json));
    }

    JsonNode okGet(String path) {
        return ok(get(path));
    }

    static JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return parse(r.body());
    }

    static JsonNode parse(String json) {
        try {
            return ApiResponses.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts an OpenAI error envelope with {@code status} and returns its {@code error} object. */
    static JsonNode error(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode e = parse(r.body()).path("error");
        assertThat(e.path("message").asText()).isNotBlank();
        assertThat(e.has("type") && e.has("param") && e.has("code")).isTrue();
        return e;
    }

    /** A new thread with one user message; returns its id. */
    String thread(String text) {
        return ok("/threads", "{\"messages\":[{\"role\":\"user\",\"content\":" + quote(text) + "}]}")
                .path("id")
                .asText();
    }

    /** Retrieves the run until it leaves queued, in_progress and cancelling. */
    JsonNode await(String threadId, String runId) {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            JsonNode run = okGet("/threads/" + threadId + "/runs/" + runId);
            if (!Set.of("queued", "in_progress", "cancelling")
                            .contains(run.path("status").asText())
                    || System.nanoTime() > end) {
                return run;
            }
            sleep(20);
        }
    }

    /** Retrieves the run until it has {@code status}. */
    JsonNode awaitStatus(String threadId, String runId, String status) {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode run = okGet("/threads/" + threadId + "/runs/" + runId);
        while (!run.path("status").asText().equals(status) && System.nanoTime() < end) {
            sleep(20);
            run = okGet("/threads/" + threadId + "/runs/" + runId);
        }
        return run;
    }

    /** The events of an SSE body. */
    static List<Sse> events(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<Sse> events = new ArrayList<>();
        for (String block : r.body().split("\n\n")) {
            String event = "";
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
            if (!event.isEmpty()) {
                events.add(new Sse(event, data.toString()));
            }
        }
        return events;
    }

    /** The event names with consecutive repeats collapsed (deltas). */
    static List<String> names(List<Sse> events) {
        List<String> names = new ArrayList<>();
        for (Sse e : events) {
            if (names.isEmpty() || !names.getLast().equals(e.event())) {
                names.add(e.event());
            }
        }
        return names;
    }

    static String quote(String text) {
        return ApiResponses.MAPPER.getNodeFactory().textNode(text).toString();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
