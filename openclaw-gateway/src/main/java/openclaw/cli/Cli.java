package openclaw.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import openclaw.lifecycle.BuildInfo;
import picocli.CommandLine;

/**
 * Runs one {@code openclaw} command line and returns its exit code. The environment and output streams are passed
 * in (not read from globals) so tests can run commands in-process.
 */
public final class Cli {

    private Cli() {}

    /** Top-level commands in help order. */
    static final Map<String, Class<?>> COMMANDS = orderedCommands();

    /** Parses and executes {@code args}; 0 success, 1 failure, 2 usage or configuration error. */
    public static int execute(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // The version line is needed in well under picocli's own start-up time (budget 150 ms).
            out.println(BuildInfo.current().versionLine());
            return 0;
        }
        CliContext context = new CliContext(env, out, err);
        Optional<GatewayFastPath> gateway = GatewayFastPath.parse(args);
        if (gateway.isPresent()) {
            gateway.get().config().ifPresent(context::configOverride);
            return GatewayCommand.RunOptions.run(
                    context, gateway.get().port(), gateway.get().bind(), false);
        }
        Optional<String> command = topLevelCommand(args);
        CommandLine cl = commandLine(context, command.filter(c -> !c.equals("completion")));
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof openclaw.sdk.OpenClawException) {
                err.println("openclaw: " + e.getMessage());
                return 1;
            }
            // Process boundary: an unexpected failure is reported with its trace and a non-zero exit, never a hang.
            err.println("openclaw: unexpected error: " + e);
            e.printStackTrace(err);
            return 1;
        });
        return cl.execute(args);
    }

    /** The command tree bound to a context: only {@code only} when given, else every command. */
    static CommandLine commandLine(CliContext context, Optional<String> only) {
        CommandLine cl = new CommandLine(new OpenClawCommand(context));
        COMMANDS.forEach((name, type) -> {
            if (only.isEmpty() || only.get().equals(name)) {
                cl.addSubcommand(name, type);
            }
        });
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** The first argument that is neither an option nor the value of {@code --config}, if it names a command. */
    static Optional<String> topLevelCommand(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--config")) {
                i++;
            } else if (!a.startsWith("-")) {
                return COMMANDS.containsKey(a) ? Optional.of(a) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Map<String, Class<?>> orderedCommands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("gateway", GatewayCommand.class);
        commands.put("config", ConfigCommand.class);
        commands.put("agent", AgentCommand.class);
        commands.put("models", ModelsCommand.class);
        commands.put("sessions", SessionsCommand.class);
        commands.put("apikeys", ApiKeysCommand.class);
        commands.put("agents", AgentsCommand.class);
        commands.put("channels", ChannelsCommand.class);
        commands.put("doctor", DoctorCommand.class);
        commands.put("completion", CompletionCommand.class);
        return Collections.unmodifiableMap(commands);
    }
}
