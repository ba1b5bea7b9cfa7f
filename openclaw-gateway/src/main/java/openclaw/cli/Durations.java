package openclaw.cli;

/** Human-readable durations for CLI output, e.g. {@code 1h 2m 3s}. */
final class Durations {

    private Durations() {}

    static String human(long millis) {
        long seconds = millis / 1000;
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        if (h > 0) {
            return h + "h " + m + "m " + s + "s";
        }
        if (m > 0) {
            return m + "m " + s + "s";
        }
        return s + "." + (millis % 1000) / 100 + "s";
    }
}
