package openclaw.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StoreUrlTest {

    @Test
    void unsupported_scheme_lists_the_supported_ones_without_the_password() {
        assertThatThrownBy(() -> Store.open(StoreSettings.of("jdbc:mysql://db:3306/oc?user=u&password=hunter2")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("jdbc:mysql://db:3306/oc")
                .hasMessageContaining("jdbc:sqlite:")
                .hasMessageContaining("jdbc:postgresql://")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void sqlite_url_resolves_to_an_absolute_normalised_file() {
        StoreUrl url = StoreUrl.parse("jdbc:sqlite:state/../state/openclaw.sqlite");

        Path expected = Path.of("state/openclaw.sqlite").toAbsolutePath().normalize();
        assertThat(url.kind()).isEqualTo(StoreKind.SQLITE);
        assertThat(url.sqliteFile()).isEqualTo(expected);
        assertThat(url.describe()).isEqualTo("sqlite " + expected);
    }

    @Test
    void sqlite_url_expands_a_leading_tilde_to_the_home_directory() {
        StoreUrl url = StoreUrl.parse("jdbc:sqlite:~/.openclaw/state/openclaw.sqlite");

        assertThat(url.sqliteFile())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".openclaw", "state", "openclaw.sqlite"));
    }

    @Test
    void in_memory_and_parameterised_sqlite_urls_are_rejected() {
        assertThatThrownBy(() -> StoreUrl.parse("jdbc:sqlite::memory:"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("in-memory");
        assertThatThrownBy(() -> StoreUrl.parse("jdbc:sqlite:file:x.db?mode=ro"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("without parameters");
    }

    @Test
    void postgres_location_is_host_port_and_database_without_credentials() {
        assertThat(StoreUrl.parse("jdbc:postgresql://db.internal:6543/openclaw?user=oc&password=s3cret")
                        .describe())
                .isEqualTo("postgresql db.internal:6543/openclaw");
        assertThat(StoreUrl.parse("jdbc:postgresql://oc:s3cret@db.internal/openclaw")
                        .describe())
                .isEqualTo("postgresql db.internal:5432/openclaw");
        assertThat(StoreUrl.parse("jdbc:postgresql:openclaw").describe())
                .isEqualTo("postgresql localhost:5432/openclaw");
    }

    @Test
    void redaction_hides_passwords_in_parameters_and_user_info() {
        assertThat(StoreUrl.redact("jdbc:postgresql://h/db?user=oc&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=oc&password=***&ssl=true");
        assertThat(StoreUrl.redact("jdbc:postgresql://oc:s3cret@h/db")).isEqualTo("jdbc:postgresql://oc:***@h/db");
        assertThat(new StoreSettings("jdbc:postgresql://h/db?password=s3cret", java.time.Clock.systemUTC()).toString())
                .doesNotContain("s3cret");
    }
}
