package openclaw.lifecycle;

/**
 * What {@code openclaw gateway status} shows: the build, how long it has run, where it listens and what it stores
 * into. Contains no secrets (storage location has passwords stripped by the store).
 */
public record GatewayStatus(
        String version,
        String gitSha,
        long pid,
        long uptimeMs,
        String phase,
        String host,
        int port,
        String authMode,
        Storage storage) {

    /** The storage part of the status. */
    public record Storage(String kind, String location, int schemaVersion, int latestSchemaVersion) {}
}
