package openclaw.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code openclaw doctor [--json]}: checks config, state directory, storage, port and auth; exit 1 on any failure. */
@Command(name = "doctor", description = "Check config, state directory, storage, port and auth.")
final class DoctorCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        CliContext context = OpenClawCommand.contextOf(spec);
        List<DoctorCheck> checks = new DoctorChecks(context).run();
        boolean failed = checks.stream().anyMatch(c -> c.verdict() == DoctorCheck.Verdict.FAIL);
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            context.out().println(mapper.writeValueAsString(Map.of("ok", !failed, "checks", checks)));
        } else {
            for (DoctorCheck c : checks) {
                context.out().printf("%-4s %-9s %s%n", c.verdict().name(), c.name(), c.detail());
                if (!c.fix().isEmpty()) {
                    context.out().println("               fix: " + c.fix());
                }
            }
            context.out().println(failed ? "doctor found problems" : "all checks passed");
        }
        return failed ? 1 : 0;
    }
}
