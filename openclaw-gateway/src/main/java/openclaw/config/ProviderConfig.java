package openclaw.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code [providers.<id>]} block: which wire protocol, where, and with which key. The key is usually a
 * {@code ${env:NAME}} reference; it never appears in {@code toString()} or messages.
 */
public record ProviderConfig(ProviderType type, Optional<String> baseUrl, Optional<String> apiKey)
        implements ValidatedBlock {

    /** An OpenAI Responses provider with no URL or key (they are required unless the defaults apply). */
    public static final ProviderConfig DEFAULTS =
            new ProviderConfig(ProviderType.OPENAI, Optional.empty(), Optional.empty());

    public ProviderConfig {
        type = Objects.requireNonNullElse(type, ProviderType.OPENAI);
        baseUrl = Objects.requireNonNullElse(baseUrl, Optional.empty());
        apiKey = Objects.requireNonNullElse(apiKey, Optional.empty());
    }

    /** {@code baseUrl}, else the provider type's public endpoint. */
    public String effectiveBaseUrl() {
        return baseUrl.orElse(type.defaultBaseUrl());
    }

    /** A copy with the key masked. */
    public ProviderConfig redacted() {
        return new ProviderConfig(type, baseUrl, apiKey.map(k -> "***"));
    }

    @Override
    public void collectIssues(String path, List<ConfigIssue> issues) {
        baseUrl.ifPresent(url -> {
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                issues.add(ConfigIssue.at(TomlText.child(path, "baseUrl"), "must start with http:// or https://"));
            }
        });
    }

    @Override
    public String toString() {
        return "ProviderConfig[type=" + type + ", baseUrl=" + baseUrl + ", apiKey=" + apiKey.map(k -> "***") + "]";
    }
}
