package openclaw.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code openclaw completion bash}: prints a bash completion script ({@code source <(openclaw completion bash)}). */
@Command(name = "completion", description = "Print a shell completion script: source <(openclaw completion bash)")
final class CompletionCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "Shell: bash (zsh can load it with bashcompinit).")
    String shell;

    @Override
    public Integer call() {
        CliContext context = OpenClawCommand.contextOf(spec);
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            context.err().println("openclaw: unsupported shell '" + shell + "'; supported: bash, zsh");
            return 2;
        }
        context.out().print(AutoComplete.bash("openclaw", spec.root().commandLine()));
        return 0;
    }
}
