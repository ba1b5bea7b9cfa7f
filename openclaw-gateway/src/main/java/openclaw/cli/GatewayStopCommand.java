package openclaw.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import openclaw.lifecycle.PidFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code openclaw gateway stop}: sends SIGTERM to the running gateway and waits for its graceful exit. */
@Command(name = "stop", description = "Stop the running gateway (SIGTERM: drain, close storage, exit).")
final class GatewayStopCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "How long to wait.")
    int timeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
        CliContext context = OpenClawCommand.contextOf(spec);
        Optional<PidFile> live = PidFile.readLive(context.home().pidFile());
        if (live.isEmpty()) {
            context.err()
                    .println("openclaw: no gateway is running (no live pid file at "
                            + context.home().pidFile() + ")");
            return 1;
        }
        long pid = live.get().pid();
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            context.err().println("openclaw: gateway pid " + pid + " already exited");
            return 0;
        }
        Optional<String> commandLine = handle.get().info().commandLine();
        if (commandLine.isPresent() && !commandLine.get().contains("openclaw")) {
            context.err()
                    .println("openclaw: pid " + pid + " in " + context.home().pidFile()
                            + " is not an openclaw gateway (stale file); delete the file and retry");
            return 1;
        }
        handle.get().destroy();
        try {
            handle.get().onExit().get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            context.err().println("openclaw: gateway pid " + pid + " did not stop within " + timeoutSeconds + " s");
            return 1;
        } catch (ExecutionException e) {
            // onExit never completes exceptionally; treat as exited
        }
        context.out().println("gateway stopped (pid " + pid + ")");
        return 0;
    }
}
