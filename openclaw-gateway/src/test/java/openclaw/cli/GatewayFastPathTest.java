package openclaw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayFastPathTest {

    @TempDir
    Path home;

    private static Optional<GatewayFastPath> parse(String... args) {
        return GatewayFastPath.parse(args);
    }

    @Test
    void recognises_the_plain_gateway_forms() {
        assertThat(parse("gateway"))
                .contains(new GatewayFastPath(Optional.empty(), OptionalInt.empty(), Optional.empty()));
        assertThat(parse("gateway", "run", "--port", "18800", "--bind", "lan"))
                .contains(new GatewayFastPath(Optional.empty(), OptionalInt.of(18800), Optional.of("lan")));
        assertThat(parse("--config", "/etc/oc.toml", "gateway", "--port", "0"))
                .contains(
                        new GatewayFastPath(Optional.of(Path.of("/etc/oc.toml")), OptionalInt.of(0), Optional.empty()));
    }

    @Test
    void leaves_everything_else_to_picocli() {
        assertThat(parse("gateway", "status")).isEmpty();
        assertThat(parse("gateway", "stop")).isEmpty();
        assertThat(parse("gateway", "--help")).isEmpty();
        assertThat(parse("gateway", "--port", "x")).isEmpty();
        assertThat(parse("gateway", "--port")).isEmpty();
        assertThat(parse("gateway", "--verbose")).isEmpty();
        assertThat(parse("gateway", "run", "run")).isEmpty();
        assertThat(parse("run")).isEmpty();
        assertThat(parse("config", "get", "gateway.port")).isEmpty();
        assertThat(parse("--port", "1", "gateway")).isEmpty();
        assertThat(parse()).isEmpty();
    }

    @Test
    void malformed_gateway_options_still_get_picocli_errors() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = Cli.execute(
                new String[] {"gateway", "--port", "abc"}, Map.of("OPENCLAW_HOME", home.toString()), stream, stream);
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--port").contains("abc");
        assertThat(home.resolve("state")).doesNotExist();
    }
}
