package openclaw.tool;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import openclaw.sdk.provider.ToolSpec;
import openclaw.sdk.tool.Tool;
import openclaw.sdk.tool.ToolContext;
import openclaw.sdk.tool.ToolOutcome;

/** {@code current_time}: the gateway's current date and time, in UTC or a requested IANA time zone. */
public final class CurrentTimeTool implements Tool {

    private static final ToolSpec SPEC = new ToolSpec(
            "current_time",
            "Returns the current date and time (ISO 8601) and the time zone. Optional argument timezone: an IANA"
                    + " zone such as Europe/Paris (default UTC).",
            "{\"type\":\"object\",\"properties\":{\"timezone\":{\"type\":\"string\",\"description\":"
                    + "\"IANA time zone, e.g. Europe/Paris\"}},\"additionalProperties\":false}");

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public ToolOutcome invoke(String argumentsJson, ToolContext context) {
        String zone = ToolJson.stringField(argumentsJson, "timezone").orElse("UTC");
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (RuntimeException e) {
            return ToolOutcome.error("unknown time zone '" + zone + "'; use an IANA name such as Europe/Paris");
        }
        ZonedDateTime now = ZonedDateTime.now(context.clock().withZone(zoneId));
        return ToolOutcome.ok("{\"now\":\"" + now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "\",\"timezone\":\""
                + zoneId.getId() + "\",\"weekday\":\"" + now.getDayOfWeek() + "\"}");
    }
}
