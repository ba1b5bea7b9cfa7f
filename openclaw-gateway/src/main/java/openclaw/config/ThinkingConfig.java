package openclaw.config;

import java.util.Objects;

/** {@code [agents.<id>.model.thinking] mode}: {@code adaptive}, {@code low}, {@code high}, {@code off}, or {@code default}. */
public record ThinkingConfig(ThinkingMode mode) {

    /** The provider's default for the model. */
    public static final ThinkingConfig DEFAULTS = new ThinkingConfig(ThinkingMode.DEFAULT);

    public ThinkingConfig {
        mode = Objects.requireNonNullElse(mode, ThinkingMode.DEFAULT);
    }
}
