package openclaw.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs the CLI in-process against an {@code OPENCLAW_HOME} and keeps the last run's output. Not thread-safe. */
final class CliRunner {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs {@code args} with {@code OPENCLAW_HOME=home}; returns the exit code. */
    int run(Path home, String... args) {
        out.reset();
        err.reset();
        return Cli.execute(
                args,
                Map.of("OPENCLAW_HOME", home.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
