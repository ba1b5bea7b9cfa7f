package openclaw.agent;

import java.util.Objects;
import openclaw.sdk.OpenClawException;

/** A model on a provider, as config writes it: {@code provider/name}, e.g. {@code openai/gpt-5}. */
public record ModelRef(String provider, String name) {

    public ModelRef {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(name, "name");
    }

    /**
     * Parses {@code provider/name}.
     *
     * @throws OpenClawException when there is no slash
     */
    public static ModelRef parse(String ref) {
        int slash = ref.indexOf('/');
        if (slash <= 0 || slash == ref.length() - 1) {
            throw new OpenClawException(
                    "model reference '" + ref + "' must look like provider/model, e.g. openai/gpt-5");
        }
        return new ModelRef(ref.substring(0, slash), ref.substring(slash + 1));
    }

    @Override
    public String toString() {
        return provider + "/" + name;
    }
}
