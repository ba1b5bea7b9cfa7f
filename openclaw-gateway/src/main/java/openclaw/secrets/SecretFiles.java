package openclaw.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import openclaw.sdk.OpenClawException;

/**
 * Owner-only files and directories for secrets and state: directories 0700, files 0600, written atomically (a
 * temporary file in the same directory, then a rename) so a crash never leaves a half-written secret.
 */
public final class SecretFiles {

    private static final Set<PosixFilePermission> DIR_0700 = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_0600 = PosixFilePermissions.fromString("rw-------");

    private SecretFiles() {}

    /**
     * Creates {@code dir} (and missing parents) with mode 0700. An existing directory keeps its mode.
     *
     * @throws OpenClawException naming the path when it cannot be created or is not writable
     */
    public static Path ensurePrivateDirectory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Path parent = dir.toAbsolutePath().getParent();
                if (parent != null && !Files.isDirectory(parent)) {
                    ensurePrivateDirectory(parent);
                }
                try {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR_0700));
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first; the checks below still apply
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new OpenClawException("cannot create directory " + dir + ": " + describe(e)
                    + "; set OPENCLAW_HOME to a writable location or fix its permissions");
        }
        if (!Files.isWritable(dir)) {
            throw new OpenClawException("directory " + dir
                    + " is not writable; set OPENCLAW_HOME to a writable location or fix its permissions");
        }
        return dir;
    }

    /** Writes {@code content} to {@code file} with mode 0600, atomically replacing any previous file. */
    public static void writePrivate(Path file, String content) {
        Path dir = ensurePrivateDirectory(file.toAbsolutePath().getParent());
        Path tmp = null;
        try {
            tmp = Files.createTempFile(
                    dir, "." + file.getFileName(), ".tmp", PosixFilePermissions.asFileAttribute(FILE_0600));
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new OpenClawException("cannot write " + file + ": " + describe(e));
        }
    }

    /** The POSIX mode of {@code path} as e.g. {@code "rw-------"}, or empty text where unsupported. */
    public static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort: the temporary file holds nothing the caller still needs
            }
        }
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }
}
