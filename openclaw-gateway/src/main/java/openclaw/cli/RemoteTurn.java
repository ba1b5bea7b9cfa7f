package openclaw.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import openclaw.sdk.OpenClawException;
import sun.misc.Signal;

/**
 * {@code openclaw agent} through the running gateway: the control protocol's {@code agent} method (accepted, then the
 * result), with the reply printed as its {@code assistant} events stream in and tool calls on stderr. Ctrl-C sends
 * {@code chat.abort} for the session.
 */
final class RemoteTurn {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RemoteTurn() {}

    /** What to send. */
    record Request(
            Optional<String> agentId,
            Optional<String> sessionKey,
            Optional<String> thinking,
            String message,
            Duration timeout,
            boolean json) {}

    static int run(CliContext context, URI url, Optional<String> token, Request request) {
        AtomicInteger printed = new AtomicInteger();
        String[] runId = {UUID.randomUUID().toString()};
        GatewayClient client = GatewayClient.connect(url, token, "cli", "cli", (event, payload) -> {
            if (request.json() || !payload.path("runId").asText().equals(runId[0]) || !event.equals("agent")) {
                return;
            }
            JsonNode data = payload.path("data");
            switch (payload.path("stream").asText()) {
                case "assistant" -> printSuffix(context, data.path("text").asText(), printed);
                case "tool" -> {
                    if (data.path("phase").asText().equals("start")) {
                        context.err().println("[tool " + data.path("name").asText() + " " + data.path("args") + "]");
                    }
                }
                default -> {}
            }
        });
        try (client) {
            String agentId = request.agentId()
                    .orElse(client.hello()
                            .path("snapshot")
                            .path("sessionDefaults")
                            .path("defaultAgentId")
                            .asText("main"));
            String sessionKey = request.sessionKey().orElse("agent:" + agentId + ":main");
            ObjectNode params = MAPPER.createObjectNode()
                    .put("message", request.message())
                    .put("agentId", agentId)
                    .put("sessionKey", sessionKey)
                    .put("idempotencyKey", runId[0]);
            request.thinking().ifPresent(t -> params.put("thinking", t));
            Signal.handle(new Signal("INT"), s -> abort(client, sessionKey));
            JsonNode result;
            try {
                result = client.callUntil(
                        "agent", params, r -> !r.path("status").asText().equals("accepted"), request.timeout());
            } catch (GatewayClient.RemoteError e) {
                context.out().println();
                context.err().println("openclaw: " + e.error().path("message").asText());
                return 1;
            }
            String text =
                    result.path("result").path("payloads").path(0).path("text").asText("");
            if (request.json()) {
                ObjectNode out = MAPPER.createObjectNode()
                        .put("agentId", agentId)
                        .put("sessionKey", sessionKey)
                        .put("runId", runId[0])
                        .put("status", result.path("status").asText())
                        .put("text", text);
                context.out().println(out.toPrettyString());
            } else {
                printSuffix(context, text, printed);
                context.out().println();
            }
            return 0;
        }
    }

    private static void abort(GatewayClient client, String sessionKey) {
        try {
            client.call("chat.abort", MAPPER.createObjectNode().put("sessionKey", sessionKey), Duration.ofSeconds(5));
        } catch (OpenClawException e) {
            // the run ends either way when the connection closes
        }
    }

    private static void printSuffix(CliContext context, String cumulative, AtomicInteger printed) {
        int already = printed.get();
        if (cumulative.length() > already && printed.compareAndSet(already, cumulative.length())) {
            context.out().print(cumulative.substring(already));
            context.out().flush();
        }
    }
}
