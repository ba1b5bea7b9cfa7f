package openclaw.lifecycle;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import openclaw.secrets.SecretFiles;

/**
 * The running gateway's address card: pid, host and port, written (0600) when it starts listening and deleted when
 * it stops. {@code openclaw gateway status} and {@code gateway stop} read it to find the process; a file whose process
 * is gone is treated as absent.
 */
public record PidFile(long pid, String host, int port, Instant startedAt) {

    /** Writes this card to {@code file}. */
    public void write(Path file) {
        String text = "pid=" + pid + "\nhost=" + host + "\nport=" + port + "\nstartedAt=" + startedAt + "\n";
        SecretFiles.writePrivate(file, text);
    }

    /** Deletes {@code file} if it still describes this process. */
    public void deleteIfOurs(Path file) {
        read(file).filter(p -> p.pid == pid).ifPresent(p -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a stale card is ignored by readers once the pid is gone
            }
        });
    }

    /** The card in {@code file}, if the file exists and parses. */
    public static Optional<PidFile> read(Path file) {
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file)));
            return Optional.of(new PidFile(
                    Long.parseLong(p.getProperty("pid")),
                    p.getProperty("host"),
                    Integer.parseInt(p.getProperty("port")),
                    Instant.parse(p.getProperty("startedAt"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The card, only if its process is still alive. */
    public static Optional<PidFile> readLive(Path file) {
        return read(file)
                .filter(p -> ProcessHandle.of(p.pid).map(ProcessHandle::isAlive).orElse(false));
    }
}
