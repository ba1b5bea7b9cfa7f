package openclaw.cli;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import openclaw.server.GatewayOptions;
import openclaw.server.GatewayRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code openclaw gateway}: runs the gateway in the foreground; subcommands inspect or stop a running one. */
@Command(
        name = "gateway",
        description = "Run the gateway in the foreground (same as 'gateway run').",
        subcommands = {GatewayCommand.Run.class, GatewayStatusCommand.class, GatewayStopCommand.class})
final class GatewayCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RunOptions runOptions;

    @Override
    public Integer call() {
        return runOptions.run(OpenClawCommand.contextOf(spec));
    }

    /** {@code openclaw gateway run}. */
    @Command(name = "run", description = "Run the gateway in the foreground until SIGTERM or Ctrl-C.")
    static final class Run implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private RunOptions runOptions;

        @Override
        public Integer call() {
            return runOptions.run(OpenClawCommand.contextOf(spec));
        }
    }

    /** Options shared by {@code gateway} and {@code gateway run}. */
    static final class RunOptions {

        @Option(names = "--port", paramLabel = "PORT", description = "Listen port (default [gateway] port, 18789).")
        Integer port;

        @Option(names = "--bind", paramLabel = "BIND", description = "loopback, lan or an IP (default [gateway] bind).")
        String bind;

        @Option(names = "--train", hidden = true, description = "AOT cache training run (used by the launcher).")
        boolean train;

        int run(CliContext context) {
            return run(
                    context,
                    port == null ? OptionalInt.empty() : OptionalInt.of(port),
                    Optional.ofNullable(bind),
                    train);
        }

        /** Runs the gateway; shared with {@link GatewayFastPath}. */
        static int run(CliContext context, OptionalInt port, Optional<String> bind, boolean train) {
            // Server classes are referenced only here, so other commands never load them.
            if (train) {
                return GatewayRunner.train(context.env(), context.err());
            }
            GatewayOptions options =
                    GatewayOptions.forHome(context.home(), context.env()).withConfigFile(context.configFile());
            if (port.isPresent()) {
                options = options.withPort(port.getAsInt());
            }
            if (bind.isPresent()) {
                options = options.withBind(bind.get());
            }
            return GatewayRunner.runForeground(options, context.err());
        }
    }
}
