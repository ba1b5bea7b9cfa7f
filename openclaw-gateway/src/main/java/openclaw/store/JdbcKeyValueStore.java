package openclaw.store;

import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** {@link KeyValueStore} on the {@code key_values} table. Thread-safe. */
final class JdbcKeyValueStore implements KeyValueStore {

    private final Jdbc jdbc;
    private final Clock clock;

    JdbcKeyValueStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void put(String namespace, String key, String value) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        jdbc.update(
                "storing " + namespace + "/" + key,
                "INSERT INTO key_values (namespace, item_key, item_value, updated_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (namespace, item_key) DO UPDATE SET item_value = excluded.item_value,"
                        + " updated_at = excluded.updated_at",
                namespace,
                key,
                value,
                clock.millis());
    }

    @Override
    public Optional<String> get(String namespace, String key) {
        return jdbc
                .query(
                        "reading " + namespace + "/" + key,
                        "SELECT item_value FROM key_values WHERE namespace = ? AND item_key = ?",
                        row -> row.getString(1),
                        namespace,
                        key)
                .stream()
                .findFirst();
    }

    @Override
    public boolean delete(String namespace, String key) {
        return jdbc.update(
                        "deleting " + namespace + "/" + key,
                        "DELETE FROM key_values WHERE namespace = ? AND item_key = ?",
                        namespace,
                        key)
                > 0;
    }

    @Override
    public Map<String, String> list(String namespace) {
        Map<String, String> sorted = new TreeMap<>();
        jdbc.query(
                        "listing " + namespace,
                        "SELECT item_key, item_value FROM key_values WHERE namespace = ?",
                        row -> Map.entry(row.getString(1), row.getString(2)),
                        namespace)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return Collections.unmodifiableMap(sorted);
    }
}
