package openclaw.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The throw-away homes and store directories the benchmarks create. */
final class TempDirs {

    private TempDirs() {}

    /** Deletes {@code root} and everything below it (files first); a missing file is skipped. */
    static void delete(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
