package openclaw.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest extends StoreContract {

    @TempDir
    Path home;

    @Override
    String jdbcUrl() {
        return "jdbc:sqlite:" + home.resolve("state").resolve("openclaw.sqlite");
    }

    @Override
    StoreKind expectedKind() {
        return StoreKind.SQLITE;
    }
}
