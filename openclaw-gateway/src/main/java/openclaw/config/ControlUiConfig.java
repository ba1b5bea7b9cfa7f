package openclaw.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;

/**
 * {@code [gateway.controlUi]}: browser origins allowed to open the control WebSocket, e.g.
 * {@code "https://chat.example.com"}, or {@code "*"} for any.
 */
public record ControlUiConfig(List<String> allowedOrigins) implements ValidatedBlock {

    /** No extra origins. */
    public static final ControlUiConfig DEFAULTS = new ControlUiConfig(List.of());

    public ControlUiConfig {
        allowedOrigins = List.copyOf(Objects.requireNonNullElse(allowedOrigins, List.of()));
    }

    @Override
    public void collectIssues(String path, List<ConfigIssue> issues) {
        for (int i = 0; i < allowedOrigins.size(); i++) {
            String origin = allowedOrigins.get(i);
            if (!origin.equals("*") && !isOrigin(origin)) {
                issues.add(ConfigIssue.at(
                        path + ".allowedOrigins[" + i + "]",
                        "\"" + origin + "\" is not an origin; expected scheme://host[:port] (no path) or \"*\""));
            }
        }
    }

    private static boolean isOrigin(String origin) {
        try {
            URI uri = new URI(origin);
            return uri.getScheme() != null
                    && uri.getHost() != null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
