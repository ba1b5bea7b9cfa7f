package openclaw.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import openclaw.secrets.Redactor;
import org.junit.jupiter.api.Test;

class JsonLogFormatterTest {

    private final Redactor redactor = Redactor.standard().withSecrets(Set.of("gw-token-0123456789"), List.of());
    private final JsonLogFormatter formatter = new JsonLogFormatter(() -> redactor);

    @Test
    void writes_one_parseable_json_object_per_line() throws Exception {
        LogRecord record = new LogRecord(Level.WARNING, "quote \" backslash \\ newline \n tab \t ctrl \u0001");
        record.setLoggerName("openclaw.test");
        String line = formatter.format(record);
        assertThat(line).endsWith("}\n").doesNotContain("\n{");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.path("level").asText()).isEqualTo("WARN");
        assertThat(json.path("logger").asText()).isEqualTo("openclaw.test");
        assertThat(json.path("msg").asText()).isEqualTo("quote \" backslash \\ newline \n tab \t ctrl \u0001");
        assertThat(json.path("ts").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void masks_secrets_in_messages_and_stack_traces() throws Exception {
        LogRecord record = new LogRecord(Level.SEVERE, "auth with gw-token-0123456789 failed");
        record.setThrown(new IllegalStateException("header Bearer abcdefgh12345"));
        String line = formatter.format(record);
        assertThat(line).doesNotContain("gw-token-0123456789").doesNotContain("abcdefgh12345");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.path("level").asText()).isEqualTo("ERROR");
        assertThat(json.path("error").asText())
                .contains("IllegalStateException")
                .contains("Bearer ***");
    }

    @Test
    void pretty_lines_are_redacted_too() {
        PrettyLogFormatter pretty = new PrettyLogFormatter(() -> redactor);
        LogRecord record = new LogRecord(Level.INFO, "token=gw-token-0123456789");
        record.setLoggerName("openclaw.server.GatewayProcess");
        assertThat(pretty.format(record))
                .contains("INFO  GatewayProcess: token=***")
                .doesNotContain("0123456789");
    }
}
