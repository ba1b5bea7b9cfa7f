package openclaw.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts {@code openclaw.Main} in a child JVM on the test classpath, like the launcher would. */
final class GatewayProcessHandle {

    private GatewayProcessHandle() {}

    static Process start(Path home, Path output, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("openclaw.Main");
        command.addAll(List.of(args));
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().putAll(Map.of("OPENCLAW_HOME", home.toString()));
        pb.environment().remove("OPENCLAW_GATEWAY_TOKEN");
        return pb.start();
    }
}
