package openclaw.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads {@code openclaw.toml} into an {@link OpenClawConfig}. Pipeline: parse TOML (a syntax error is one positioned
 * issue) → run {@link ConfigMigration}s → resolve {@code ${env:NAME}} in every string → check the tree against the
 * record schema (unknown keys, types, enums) → bind with Jackson over the defaults → apply
 * {@code OPENCLAW_GATEWAY_TOKEN} → run the blocks' range checks. Every problem is collected, positioned at the line
 * and column where its key is written, and reported together.
 *
 * <p>The environment token wins over a token in the file, as in OpenClaw, so deployments can inject it. Stateless and
 * thread-safe.
 */
public final class ConfigLoader {

    /** Environment variable that provides (and overrides) {@code gateway.auth.token}. */
    public static final String TOKEN_ENV = "OPENCLAW_GATEWAY_TOKEN";

    private static final Pattern ENV_REF = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    private ConfigLoader() {}

    /** Loads a file; a missing file yields the defaults with the environment applied. */
    public static LoadResult load(Path file, Map<String, String> env) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            text = "";
        } catch (IOException e) {
            return new LoadResult.Rejected(List.of(ConfigIssue.at("", "cannot read the file: " + e)));
        }
        return parse(text, env);
    }

    /** Like {@link #load} but throws {@link ConfigException} listing every error. */
    public static OpenClawConfig loadOrThrow(Path file, Map<String, String> env) {
        return switch (load(file, env)) {
            case LoadResult.Loaded loaded -> loaded.config();
            case LoadResult.Rejected rejected -> throw new ConfigException(file, rejected.errors());
        };
    }

    /** Parses TOML text; positions in the issues refer to this text. */
    public static LoadResult parse(String tomlText, Map<String, String> env) {
        ObjectNode root;
        try {
            root = TomlTrees.parse(tomlText);
        } catch (JsonProcessingException e) {
            return new LoadResult.Rejected(List.of(TomlSyntaxError.describe(e, tomlText)));
        } catch (IOException e) {
            return new LoadResult.Rejected(List.of(ConfigIssue.at("", "cannot parse the file: " + e.getMessage())));
        }
        List<ConfigIssue> warnings = new ArrayList<>();
        List<ConfigIssue> errors = new ArrayList<>();
        Map<String, String> aliases = new HashMap<>();
        for (ConfigMigration migration : ConfigMigration.ALL) {
            migration.apply(root, warnings, errors, aliases);
        }
        resolveEnvReferences(root, "", env, errors);
        ConfigSchema.check(root, errors);
        OpenClawConfig config = applyEnvironment(bind(root, errors), env);
        ConfigSchema.validate(config, "", errors);
        TomlKeyIndex index = TomlKeyIndex.of(tomlText);
        if (!errors.isEmpty()) {
            return new LoadResult.Rejected(positioned(errors, index, aliases));
        }
        return new LoadResult.Loaded(config, positioned(warnings, index, aliases));
    }

    private static OpenClawConfig bind(ObjectNode root, List<ConfigIssue> errors) {
        try {
            return RecordBinder.bind(root, OpenClawConfig.class, Optional.of(OpenClawConfig.DEFAULTS));
        } catch (RuntimeException e) {
            // The schema check prunes everything binding would reject; reaching this is a bug in that check.
            errors.add(ConfigIssue.at("", "internal error binding the config: " + e.getMessage()));
            return OpenClawConfig.DEFAULTS;
        }
    }

    private static OpenClawConfig applyEnvironment(OpenClawConfig config, Map<String, String> env) {
        String token = env.get(TOKEN_ENV);
        if (token == null || token.isBlank()) {
            return config;
        }
        return config.withGateway(
                config.gateway().withAuth(config.gateway().auth().withToken(token)));
    }

    /** Replaces env references in place; a value with a missing variable is removed so only one issue names it. */
    private static boolean resolveEnvReferences(
            JsonNode node, String path, Map<String, String> env, List<ConfigIssue> errors) {
        boolean ok = true;
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : new ArrayList<>(object.properties())) {
                String childPath = TomlText.child(path, field.getKey());
                JsonNode value = field.getValue();
                Optional<JsonNode> resolved = value.isTextual()
                        ? substitute(value.asText(), childPath, env, errors)
                        : Optional.of(value).filter(v -> resolveEnvReferences(v, childPath, env, errors));
                resolved.ifPresentOrElse(v -> object.set(field.getKey(), v), () -> object.remove(field.getKey()));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String childPath = path + "[" + i + "]";
                JsonNode element = array.get(i);
                Optional<JsonNode> resolved = element.isTextual()
                        ? substitute(element.asText(), childPath, env, errors)
                        : Optional.of(element).filter(v -> resolveEnvReferences(v, childPath, env, errors));
                if (resolved.isPresent()) {
                    array.set(i, resolved.get());
                } else {
                    ok = false;
                }
            }
        }
        return ok;
    }

    private static Optional<JsonNode> substitute(
            String value, String path, Map<String, String> env, List<ConfigIssue> errors) {
        Matcher m = ENV_REF.matcher(value);
        StringBuilder out = new StringBuilder();
        boolean ok = true;
        while (m.find()) {
            String resolved = env.get(m.group(1));
            if (resolved == null) {
                errors.add(ConfigIssue.at(path, "environment variable \"" + m.group(1) + "\" is not set"));
                ok = false;
                resolved = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(resolved));
        }
        return ok ? Optional.of(TextNode.valueOf(m.appendTail(out).toString())) : Optional.empty();
    }

    private static List<ConfigIssue> positioned(
            List<ConfigIssue> issues, TomlKeyIndex index, Map<String, String> aliases) {
        return issues.stream()
                .map(issue -> {
                    int[] at = index.position(aliases.getOrDefault(issue.path(), issue.path()));
                    return at[0] == 0 ? issue : issue.withPosition(at[0], at[1]);
                })
                .sorted(Comparator.comparingInt((ConfigIssue i) -> i.line() == 0 ? Integer.MAX_VALUE : i.line())
                        .thenComparingInt(ConfigIssue::column))
                .toList();
    }
}
