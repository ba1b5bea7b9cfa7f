package openclaw.sdk.provider;

import java.util.Objects;

/**
 * A tool the model may call.
 *
 * @param name the tool name ({@code [a-zA-Z0-9_-]{1,64}})
 * @param description what the tool does, for the model
 * @param parametersSchema JSON Schema of the arguments object, as JSON text
 */
public record ToolSpec(String name, String description, String parametersSchema) {

    /**
     * Validates the name and requires every part.
     *
     * @throws IllegalArgumentException for a name providers would reject
     */
    public ToolSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parametersSchema, "parametersSchema");
        if (!name.matches("[a-zA-Z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("tool name must match [a-zA-Z0-9_-]{1,64}: " + name);
        }
    }
}
