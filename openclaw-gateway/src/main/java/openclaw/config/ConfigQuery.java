package openclaw.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Reads one effective config value by dotted key ({@code openclaw config get}), defaults included, rendered as TOML
 * value text: {@code 18789}, {@code "loopback"}, {@code ["a"]}, or a whole {@code [table]} document for a table key.
 * Secrets come from {@link OpenClawConfig#redacted()} unless the caller asks to reveal them. Stateless.
 */
public final class ConfigQuery {

    private ConfigQuery() {}

    /**
     * The value at {@code dottedKey}; empty when there is no such key or when an optional key (such as
     * {@code storage.url}) is unset.
     */
    public static Optional<String> get(OpenClawConfig config, String dottedKey, boolean revealSecrets) {
        JsonNode node = RecordBinder.toTree(revealSecrets ? config : config.redacted());
        String path = "";
        for (String segment : dottedKey.split("\\.", -1)) {
            node = node.path(segment);
            path = TomlText.child(path, segment);
        }
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(node.isObject() ? TomlText.table(path, node) : TomlText.value(node));
    }
}
