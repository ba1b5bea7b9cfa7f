package openclaw.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The plain forms of {@code openclaw gateway} ({@code [--config FILE] gateway [run] [--port N] [--bind B]}) recognised
 * without picocli, whose reflective model building costs 100–200 ms of a cold start with a 500 ms budget. Anything
 * else (help, a malformed number, an unknown option) is left to picocli, so its messages and exit codes stay the only
 * ones users see.
 */
record GatewayFastPath(Optional<Path> config, OptionalInt port, Optional<String> bind) {

    /** The parsed form, or empty when picocli must handle the arguments. */
    static Optional<GatewayFastPath> parse(String[] args) {
        Optional<Path> config = Optional.empty();
        OptionalInt port = OptionalInt.empty();
        Optional<String> bind = Optional.empty();
        boolean sawGateway = false;
        boolean sawRun = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "gateway" -> {
                    if (sawGateway) {
                        return Optional.empty();
                    }
                    sawGateway = true;
                }
                case "run" -> {
                    if (!sawGateway || sawRun) {
                        return Optional.empty();
                    }
                    sawRun = true;
                }
                case "--config" -> {
                    if (value == null || value.startsWith("-")) {
                        return Optional.empty();
                    }
                    config = Optional.of(Path.of(value));
                    i++;
                }
                case "--port" -> {
                    if (!sawGateway || value == null || !value.matches("\\d{1,5}")) {
                        return Optional.empty();
                    }
                    port = OptionalInt.of(Integer.parseInt(value));
                    i++;
                }
                case "--bind" -> {
                    if (!sawGateway || value == null || value.startsWith("-")) {
                        return Optional.empty();
                    }
                    bind = Optional.of(value);
                    i++;
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return sawGateway ? Optional.of(new GatewayFastPath(config, port, bind)) : Optional.empty();
    }
}
