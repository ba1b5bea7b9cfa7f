package openclaw.store;

import java.nio.file.Path;

/**
 * Measures {@code Store.open} + {@code migrate()} on an SQLite file, for the cold-start budget. Not a test: run it
 * by hand with the test classpath, {@code java openclaw.store.StoreStartupTiming <file> [rounds]}. The first round
 * of a fresh JVM is the cold figure; later rounds are warm.
 */
final class StoreStartupTiming {

    private StoreStartupTiming() {}

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            Store store = Store.open(StoreSettings.of("jdbc:sqlite:" + file));
            long opened = System.nanoTime();
            store.migrate();
            long migrated = System.nanoTime();
            store.close();
            long closed = System.nanoTime();
            System.out.printf(
                    "round %d: open %.1f ms, migrate %.1f ms, open+migrate %.1f ms, close %.1f ms%n",
                    round,
                    (opened - start) / 1e6,
                    (migrated - opened) / 1e6,
                    (migrated - start) / 1e6,
                    (closed - migrated) / 1e6);
        }
    }
}
