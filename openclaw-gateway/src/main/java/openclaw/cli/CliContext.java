package openclaw.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import openclaw.config.OpenClawHome;

/** What every command needs: the environment, output streams, and the resolved home and config file. */
final class CliContext {

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private Optional<Path> configOverride = Optional.empty();

    CliContext(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = Map.copyOf(env);
        this.out = out;
        this.err = err;
    }

    Map<String, String> env() {
        return env;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    void configOverride(Path file) {
        this.configOverride = Optional.of(file.toAbsolutePath());
    }

    OpenClawHome home() {
        return OpenClawHome.fromEnvironment(env);
    }

    /** {@code --config FILE}, else {@code $OPENCLAW_HOME/openclaw.toml}. */
    Path configFile() {
        return configOverride.orElseGet(() -> home().configFile());
    }
}
