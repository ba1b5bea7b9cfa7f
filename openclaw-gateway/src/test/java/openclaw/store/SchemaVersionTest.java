package openclaw.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaVersionTest {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.+\\.sql");

    @TempDir
    Path tmp;

    private static int highestMigration(String dialect) throws Exception {
        Path dir =
                Path.of(JdbcStore.class.getResource("/db/migration/" + dialect).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> VERSIONED.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1)))
                    .max()
                    .orElse(0);
        }
    }

    @Test
    void the_schema_version_constant_matches_the_newest_migration_of_both_dialects() throws Exception {
        assertThat(highestMigration("sqlite")).isEqualTo(JdbcStore.SCHEMA_VERSION);
        assertThat(highestMigration("postgresql")).isEqualTo(JdbcStore.SCHEMA_VERSION);
    }

    @Test
    void an_up_to_date_database_migrates_again_without_change() throws URISyntaxException {
        String url = "jdbc:sqlite:" + tmp.resolve("s.sqlite");
        try (Store store = Store.open(StoreSettings.of(url))) {
            store.migrate();
            store.keyValues().put("ns", "k", "v");
        }
        try (Store store = Store.open(StoreSettings.of(url))) {
            store.migrate();
            assertThat(store.migrationStatus().upToDate()).isTrue();
            assertThat(store.keyValues().get("ns", "k")).contains("v");
        }
    }
}
