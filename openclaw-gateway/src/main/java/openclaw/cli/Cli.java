package openclaw.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs one {@code openclaw} command line and returns its exit code. The environment and output streams are passed
 * in (not read from globals) so tests can run commands in-process.
 */
public final class Cli {

    private Cli() {}

    /** Parses and executes {@code args}; 0 success, 1 failure, 2 usage or configuration error. */
    public static int execute(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        CliContext context = new CliContext(env, out, err);
        CommandLine cl = commandLine(context);
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

    /** The command tree, bound to a context. */
    static CommandLine commandLine(CliContext context) {
        CommandLine cl = new CommandLine(new OpenClawCommand(context));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }
}
