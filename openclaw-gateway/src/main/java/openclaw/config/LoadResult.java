package openclaw.config;

import java.util.List;
import java.util.Objects;

/** Outcome of loading a config file: either a usable config (possibly with warnings) or every error found. */
public sealed interface LoadResult {

    /**
     * The config loaded; {@code warnings} holds migration notices and similar non-fatal issues.
     *
     * @param config the effective config, defaults and environment applied
     * @param warnings non-fatal issues, in file order
     */
    record Loaded(OpenClawConfig config, List<ConfigIssue> warnings) implements LoadResult {
        public Loaded {
            Objects.requireNonNull(config, "config");
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * The config is unusable; {@code errors} lists every problem at once.
     *
     * @param errors at least one error, in file order
     */
    record Rejected(List<ConfigIssue> errors) implements LoadResult {
        public Rejected {
            errors = List.copyOf(errors);
        }
    }
}
