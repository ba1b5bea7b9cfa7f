package openclaw.agent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import openclaw.sdk.provider.ModelProvider;

/** The configured model providers by id. Immutable; a config reload builds a new one. */
public record ProviderRegistry(Map<String, ModelProvider> providers) {

    public ProviderRegistry {
        providers = Map.copyOf(providers);
    }

    /** The provider with this id. */
    public Optional<ModelProvider> find(String id) {
        return Optional.ofNullable(providers.get(id));
    }

    /** Configured provider ids, sorted. */
    public List<String> ids() {
        return providers.keySet().stream().sorted().toList();
    }
}
