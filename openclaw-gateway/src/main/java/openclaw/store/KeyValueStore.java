package openclaw.store;

import java.util.Map;
import java.util.Optional;

/** Small string values addressed by namespace and key, for state that needs no table of its own. Thread-safe. */
public interface KeyValueStore {

    /** Inserts or replaces a value. */
    void put(String namespace, String key, String value);

    /** The value, if set. */
    Optional<String> get(String namespace, String key);

    /** Removes a value; true when it existed. */
    boolean delete(String namespace, String key);

    /** Every key and value of the namespace, sorted by key. */
    Map<String, String> list(String namespace);
}
