package openclaw.store;

/**
 * Schema state of a store as reported by {@link Store#migrationStatus()}: the highest applied migration version (0
 * for an empty database), the highest version this build ships and how many migrations are still to run.
 */
public record MigrationStatus(int appliedVersion, int latestVersion, int pending) {

    /** True when nothing is pending. */
    public boolean upToDate() {
        return pending == 0;
    }
}
