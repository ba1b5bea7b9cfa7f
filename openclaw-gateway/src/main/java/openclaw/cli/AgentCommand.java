package openclaw.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import openclaw.agent.AgentEvent;
import openclaw.agent.TurnResult;
import openclaw.config.ConfigException;
import openclaw.sdk.provider.ThinkingLevel;
import openclaw.server.LocalTurn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code openclaw agent --message …}: one agent turn, streamed to the terminal. */
@Command(name = "agent", description = "Run one agent turn and print the reply as it streams.")
final class AgentCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = {"-m", "--message"},
            required = true,
            paramLabel = "TEXT",
            description = "The message to send.")
    String message;

    @Option(names = "--agent", paramLabel = "ID", description = "Agent id (default: main / [agents.default]).")
    String agent;

    @Option(names = "--session-key", paramLabel = "KEY", description = "Session (default agent:<id>:main).")
    String sessionKey;

    @Option(names = "--thinking", paramLabel = "LEVEL", description = "off, low, high, adaptive or default.")
    ThinkingLevel thinking;

    @Option(names = "--json", description = "Print the result as JSON instead of streaming text.")
    boolean json;

    @Option(names = "--local", description = "Run in this process instead of through the running gateway.")
    boolean local;

    @Option(names = "--url", paramLabel = "URL", description = "Gateway WebSocket URL (default: the running gateway).")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Gateway token (default: config or token file).")
    String token;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "600",
            description = "How long to wait for the reply (default 600).")
    long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        CliContext context = OpenClawCommand.contextOf(spec);
        if (!local) {
            GatewayTarget target = GatewayTarget.resolve(context);
            try {
                return RemoteTurn.run(
                        context,
                        url != null ? java.net.URI.create(url) : target.wsUrl(),
                        Optional.ofNullable(token).or(() -> target.token().map(t -> t.value())),
                        new RemoteTurn.Request(
                                Optional.ofNullable(agent),
                                Optional.ofNullable(sessionKey),
                                Optional.ofNullable(thinking).map(t -> t.name().toLowerCase(Locale.ROOT)),
                                message,
                                java.time.Duration.ofSeconds(timeoutSeconds),
                                json));
            } catch (openclaw.sdk.OpenClawException e) {
                context.err()
                        .println(
                                "openclaw: " + e.getMessage()
                                        + " (start one with 'openclaw gateway', or use --local to run the turn in this process)");
                return 1;
            }
        }
        LocalTurn.Outcome outcome;
        try {
            outcome = LocalTurn.run(
                    context.home(),
                    context.configFile(),
                    context.env(),
                    new LocalTurn.Options(
                            Optional.ofNullable(agent),
                            Optional.ofNullable(sessionKey),
                            Optional.ofNullable(thinking),
                            message),
                    json ? e -> {} : e -> print(context, e));
        } catch (ConfigException e) {
            e.issues().forEach(i -> context.err().println("error: " + i.describe(context.configFile())));
            return 2;
        }
        TurnResult r = outcome.result();
        if (json) {
            ObjectNode node = new ObjectMapper()
                    .createObjectNode()
                    .put("agentId", outcome.agentId())
                    .put("sessionKey", outcome.sessionKey())
                    .put("outcome", r.outcome().name().toLowerCase(Locale.ROOT))
                    .put("text", r.text())
                    .put("model", r.model().toString())
                    .put("steps", r.steps())
                    .put("error", r.error());
            node.putObject("usage").put("inputTokens", r.inputTokens()).put("outputTokens", r.outputTokens());
            context.out().println(node.toPrettyString());
        } else {
            context.out().println();
            if (r.outcome() != TurnResult.Outcome.COMPLETED) {
                context.err().println("openclaw: " + r.error());
            }
        }
        return r.outcome() == TurnResult.Outcome.COMPLETED ? 0 : 1;
    }

    private static void print(CliContext context, AgentEvent event) {
        switch (event) {
            case AgentEvent.Text t -> {
                context.out().print(t.delta());
                context.out().flush();
            }
            case AgentEvent.Thinking t -> {}
            case AgentEvent.ClientToolCall t -> {} // the CLI passes no client tools
            case AgentEvent.ToolStarted t -> context.err().println("[tool " + t.tool() + " " + t.argumentsJson() + "]");
            case AgentEvent.ToolFinished t ->
                context.err()
                        .println("[tool " + t.tool() + (t.isError() ? " failed: " : " -> ") + abbreviate(t.result())
                                + "]");
            case AgentEvent.Retrying r ->
                context.err()
                        .println("[" + r.model() + " failed (" + r.reason() + "); retry " + r.attempt() + " in "
                                + r.delayMillis() + " ms]");
            case AgentEvent.Failover f -> context.err().println("[switching from " + f.from() + " to " + f.to() + "]");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
