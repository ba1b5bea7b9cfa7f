package openclaw.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.concurrent.Callable;
import openclaw.sdk.OpenClawException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code openclaw gateway status}: asks the running gateway (over its control socket) for version, uptime, address and storage. */
@Command(name = "status", description = "Show the running gateway's version, uptime, address and storage.")
final class GatewayStatusCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print the status as JSON.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        CliContext context = OpenClawCommand.contextOf(spec);
        GatewayTarget target = GatewayTarget.resolve(context);
        JsonNode status;
        try (GatewayClient client = GatewayClient.connect(
                target.wsUrl(), target.token().map(t -> t.value()), "cli", "probe", (e, p) -> {})) {
            status = client.call("status", new ObjectMapper().createObjectNode(), Duration.ofSeconds(5));
        } catch (GatewayClient.RemoteError e) {
            String code = e.error().path("details").path("code").asText();
            if (code.startsWith("AUTH_")) {
                context.err()
                        .println("openclaw: the gateway at " + target.baseUrl() + " rejected our token (" + code
                                + "); set OPENCLAW_GATEWAY_TOKEN or [gateway.auth] token to the gateway's token");
            } else {
                context.err().println("openclaw: the gateway at " + target.baseUrl() + " answered: " + e.getMessage());
            }
            return 1;
        } catch (OpenClawException e) {
            context.err()
                    .println("openclaw: no gateway is running at " + target.baseUrl() + " (" + e.getMessage()
                            + "; start one with 'openclaw gateway')");
            return 1;
        }
        if (json) {
            context.out().println(status.toPrettyString());
            return 0;
        }
        print(context, status);
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
