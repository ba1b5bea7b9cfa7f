package openclaw.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import openclaw.config.ConfigEditor;
import openclaw.config.ConfigException;
import openclaw.config.ConfigIssue;
import openclaw.config.ConfigLoader;
import openclaw.config.ConfigQuery;
import openclaw.config.LoadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code openclaw config validate | get | set}: reads and edits {@code openclaw.toml} without a running gateway. */
@Command(
        name = "config",
        description = "Validate, read and edit the config file.",
        subcommands = {ConfigCommand.Validate.class, ConfigCommand.Get.class, ConfigCommand.Set.class})
final class ConfigCommand {

    private ConfigCommand() {}

    /** {@code config validate}. */
    @Command(name = "validate", description = "Check the config file and list every problem with its line.")
    static final class Validate implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            CliContext context = OpenClawCommand.contextOf(spec);
            return switch (ConfigLoader.load(context.configFile(), context.env())) {
                case LoadResult.Loaded loaded -> {
                    printIssues(context, "warning", loaded.warnings());
                    context.out().println("config OK: " + context.configFile());
                    yield 0;
                }
                case LoadResult.Rejected rejected -> {
                    printIssues(context, "error", rejected.errors());
                    context.err().println(rejected.errors().size() + " problem(s) in " + context.configFile());
                    yield 1;
                }
            };
        }
    }

    /** {@code config get KEY}. */
    @Command(name = "get", description = "Print the effective value of a key (defaults included).")
    static final class Get implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "KEY", description = "Dotted key, e.g. gateway.port")
        String key;

        @Option(names = "--reveal", description = "Show secret values instead of ***.")
        boolean reveal;

        @Override
        public Integer call() {
            CliContext context = OpenClawCommand.contextOf(spec);
            LoadResult result = ConfigLoader.load(context.configFile(), context.env());
            if (result instanceof LoadResult.Rejected rejected) {
                printIssues(context, "error", rejected.errors());
                return 1;
            }
            Optional<String> value = ConfigQuery.get(((LoadResult.Loaded) result).config(), key, reveal);
            if (value.isEmpty()) {
                context.err().println("openclaw: unknown config key '" + key + "' (see README: Configuration)");
                return 1;
            }
            context.out().println(value.get());
            return 0;
        }
    }

    /** {@code config set KEY VALUE}. */
    @Command(name = "set", description = "Set a key in the config file, keeping every other line as it is.")
    static final class Set implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Parameters(index = "1", paramLabel = "VALUE")
        String value;

        @Override
        public Integer call() {
            CliContext context = OpenClawCommand.contextOf(spec);
            try {
                ConfigEditor.set(context.configFile(), key, value, context.env());
            } catch (ConfigException e) {
                context.err().println("openclaw: not changed: " + context.configFile());
                printIssues(context, "error", e.issues());
                if (e.issues().isEmpty()) {
                    context.err().println("  " + e.getMessage());
                }
                return 1;
            }
            context.out()
                    .println("updated " + key + " in " + context.configFile()
                            + " (a running gateway reloads it; port, bind and storage need a restart)");
            return 0;
        }
    }

    static void printIssues(CliContext context, String kind, List<ConfigIssue> issues) {
        for (ConfigIssue issue : issues) {
            context.err().println(kind + ": " + issue.describe(context.configFile()));
        }
    }
}
