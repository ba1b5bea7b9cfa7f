package openclaw.cli;

import java.nio.file.Path;
import openclaw.lifecycle.BuildInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code openclaw} root command: global options. Its subcommands are registered by {@link Cli} from
 * {@link Cli#COMMANDS}, only the invoked one where possible, because picocli builds the model of every registered
 * command by reflection on each start.
 */
@Command(
        name = "openclaw",
        mixinStandardHelpOptions = true,
        versionProvider = OpenClawCommand.Version.class,
        description = "OpenClaw for the JVM: a self-hosted AI agent gateway.")
final class OpenClawCommand implements Runnable {

    private final CliContext context;

    OpenClawCommand(CliContext context) {
        this.context = context;
    }

    @Option(
            names = "--config",
            paramLabel = "FILE",
            scope = ScopeType.INHERIT,
            description = "Config file (default: $OPENCLAW_HOME/openclaw.toml, OPENCLAW_HOME defaults to ~/.openclaw).")
    void config(Path file) {
        context.configOverride(file);
    }

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "missing command (try 'openclaw gateway' or 'openclaw --help')");
    }

    /** The context of the command line {@code spec} belongs to. */
    static CliContext contextOf(CommandSpec spec) {
        return ((OpenClawCommand) spec.root().userObject()).context;
    }

    /** {@code openclaw <version> (<git sha>)}. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {BuildInfo.current().versionLine()};
        }
    }
}
