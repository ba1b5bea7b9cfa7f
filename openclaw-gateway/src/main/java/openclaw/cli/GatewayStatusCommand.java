package openclaw.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code openclaw gateway status}: asks the running gateway for version, uptime, address and storage. */
@Command(name = "status", description = "Show the running gateway's version, uptime, address and storage.")
final class GatewayStatusCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print the status as JSON.")
    boolean json;

    @Override
    public Integer call() throws InterruptedException, JsonProcessingException {
        CliContext context = OpenClawCommand.contextOf(spec);
        GatewayTarget target = GatewayTarget.resolve(context);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.baseUrl() + "/__openclaw__/status"))
                .timeout(Duration.ofSeconds(5));
        target.token().ifPresent(t -> request.header("Authorization", "Bearer " + t.value()));
        HttpResponse<String> response;
        try (HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            context.err()
                    .println("openclaw: no gateway is running at " + target.baseUrl()
                            + " (start one with 'openclaw gateway')");
            return 1;
        } catch (IOException e) {
            context.err().println("openclaw: gateway at " + target.baseUrl() + " did not answer: " + e.getMessage());
            return 1;
        }
        if (response.statusCode() == 401) {
            context.err()
                    .println("openclaw: the gateway at " + target.baseUrl() + " rejected our token; set"
                            + " OPENCLAW_GATEWAY_TOKEN or [gateway.auth] token to the gateway's token");
            return 1;
        }
        if (response.statusCode() != 200) {
            context.err()
                    .println("openclaw: gateway at " + target.baseUrl() + " answered HTTP " + response.statusCode()
                            + "; is this an OpenClaw gateway?");
            return 1;
        }
        if (json) {
            context.out().println(response.body());
            return 0;
        }
        print(context, new ObjectMapper().readTree(response.body()));
        return 0;
    }

    private static void print(CliContext context, JsonNode s) {
        JsonNode storage = s.path("storage");
        context.out()
                .println("Gateway:   " + s.path("phase").asText() + " (pid "
                        + s.path("pid").asLong() + ")");
        context.out()
                .println("Version:   " + s.path("version").asText() + " ("
                        + s.path("gitSha").asText() + ")");
        context.out().println("Uptime:    " + Durations.human(s.path("uptimeMs").asLong()));
        context.out()
                .println("Listening: http://" + s.path("host").asText() + ":"
                        + s.path("port").asInt() + " (auth: "
                        + s.path("authMode").asText() + ")");
        context.out()
                .println("Storage:   " + storage.path("location").asText() + " (schema "
                        + storage.path("schemaVersion").asInt() + "/"
                        + storage.path("latestSchemaVersion").asInt() + ")");
    }
}
