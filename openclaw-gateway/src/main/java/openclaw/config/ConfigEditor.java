package openclaw.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Changes one key of the config file ({@code openclaw config set}) while keeping every other byte: comments, order and
 * formatting. An existing key has its value replaced in place; a new key goes at the end of its {@code [table]}
 * section, or into a new section appended to the file. The user's text is coerced to the key's declared type. The
 * whole resulting file is validated before anything is written, and the write is atomic (temp file + rename) with the
 * file's permissions kept, or 0600 for a new file. Not safe against concurrent editors of the same file.
 */
public final class ConfigEditor {

    private static final ObjectMapper LENIENT_JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");

    private ConfigEditor() {}

    /**
     * Sets {@code dottedKey} to {@code value} in {@code file}.
     *
     * @throws ConfigException for an unknown key, a value of the wrong type or a resulting file that does not load;
     *     the file is then untouched
     * @throws UncheckedIOException when the file cannot be read or written
     */
    public static void set(Path file, String dottedKey, String value, Map<String, String> env) {
        List<ConfigIssue> issues = new ArrayList<>();
        Type type = ConfigSchema.typeOf(dottedKey, issues);
        if (!issues.isEmpty()) {
            throw new ConfigException(file, issues);
        }
        String literal = literal(file, dottedKey, type, value);
        try {
            String text = Files.exists(file) ? Files.readString(file) : "";
            String updated = edit(text, dottedKey, literal);
            if (ConfigLoader.parse(updated, env) instanceof LoadResult.Rejected rejected) {
                throw new ConfigException(file, rejected.errors());
            }
            writeAtomically(file, updated);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + file, e);
        }
    }

    /** The TOML text with {@code dottedKey} set to the TOML value {@code literal}. */
    static String edit(String text, String dottedKey, String literal) {
        TomlKeyIndex index = TomlKeyIndex.of(text);
        var existing = index.key(dottedKey);
        if (existing.isPresent()) {
            var entry = existing.get();
            return text.substring(0, entry.valueStart()) + literal + text.substring(entry.valueEnd());
        }
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        int dot = dottedKey.lastIndexOf('.');
        String table = dot < 0 ? "" : dottedKey.substring(0, dot);
        String key = dottedKey.substring(dot + 1);
        String line = key + " = " + literal + newline;
        if (table.isEmpty() || index.hasHeader(table)) {
            int at = index.sectionEnd(table).orElse(0);
            String before = text.substring(0, at);
            String separator = before.isEmpty() || before.endsWith("\n") ? "" : newline;
            return before + separator + line + text.substring(at);
        }
        String separator = text.isEmpty() ? "" : text.endsWith("\n") ? newline : newline + newline;
        return text + separator + "[" + table + "]" + newline + line;
    }

    private static String literal(Path file, String key, Type type, String value) {
        Class<?> raw = ConfigSchema.raw(type);
        if (raw == Void.class || raw.isRecord() && !ConfigSchema.isStringRecord(raw) || raw == Map.class) {
            throw invalid(file, key, "is a table; set its keys one by one");
        }
        if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
            if (!value.strip().matches("[+-]?\\d{1,18}")) {
                throw invalid(file, key, "expected an integer but got \"" + value + "\"");
            }
            return value.strip();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            String lower = value.strip().toLowerCase(Locale.ROOT);
            if (!lower.equals("true") && !lower.equals("false")) {
                throw invalid(file, key, "expected true or false but got \"" + value + "\"");
            }
            return lower;
        }
        if (raw == List.class) {
            try {
                JsonNode list = LENIENT_JSON.readTree(value);
                if (list != null && list.isArray()) {
                    return TomlText.value(list);
                }
            } catch (JsonProcessingException e) {
                // Reported below with the expected form.
            }
            throw invalid(file, key, "expected a list like [\"a\", \"b\"]");
        }
        if (raw.isEnum()) {
            return TomlText.basicString(value.strip().toLowerCase(Locale.ROOT));
        }
        return TomlText.basicString(value);
    }

    private static ConfigException invalid(Path file, String key, String message) {
        return new ConfigException(file, List.of(ConfigIssue.at(key, message)));
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
            } else {
                Files.createDirectories(dir);
            }
        }
        Set<PosixFilePermission> mode =
                posix && Files.exists(target) ? Files.getPosixFilePermissions(target) : FILE_MODE;
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_MODE)}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", attributes);
        try {
            Files.writeString(temp, text);
            if (posix) {
                Files.setPosixFilePermissions(temp, mode);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
