package openclaw.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigMigrationTest {

    static LoadResult.Loaded load(String toml) {
        LoadResult result = ConfigLoader.parse(toml, Map.of());
        assertThat(result).isInstanceOf(LoadResult.Loaded.class);
        return (LoadResult.Loaded) result;
    }

    @Test
    void gateway_token_moves_to_gateway_auth_token_with_a_warning() {
        LoadResult.Loaded loaded = load("[gateway]\nport = 1\ntoken = \"abc\"\n");

        assertThat(loaded.config().gateway().auth().token()).contains("abc");
        assertThat(loaded.warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo("gateway.token");
            assertThat(w.line()).isEqualTo(3);
            assertThat(w.message()).contains("gateway.token").contains("gateway.auth.token");
        });
    }

    @Test
    void gateway_host_becomes_bind_with_named_values() {
        assertThat(load("[gateway]\nhost = \"localhost\"").config().gateway().bind())
                .isEqualTo(Bind.LOOPBACK);
        assertThat(load("[gateway]\nhost = \"127.0.0.1\"").config().gateway().bind())
                .isEqualTo(Bind.LOOPBACK);
        assertThat(load("[gateway]\nhost = \"0.0.0.0\"").config().gateway().bind())
                .isEqualTo(Bind.LAN);
        LoadResult.Loaded literal = load("[gateway]\nhost = \"10.0.0.5\"");
        assertThat(literal.config().gateway().bind().host()).isEqualTo("10.0.0.5");
        assertThat(literal.warnings())
                .singleElement()
                .satisfies(w -> assertThat(w.message()).contains("gateway.host").contains("gateway.bind"));
    }

    @Test
    void storage_path_becomes_a_sqlite_url() {
        LoadResult.Loaded loaded = load("[storage]\npath = \"/x.sqlite\"");

        assertThat(loaded.config().storage().url()).contains("jdbc:sqlite:/x.sqlite");
        assertThat(loaded.warnings())
                .singleElement()
                .satisfies(w -> assertThat(w.message()).contains("storage.path").contains("storage.url"));
    }

    @Test
    void bind_localhost_becomes_loopback() {
        LoadResult.Loaded loaded = load("[gateway]\nbind = \"localhost\"");

        assertThat(loaded.config().gateway().bind()).isEqualTo(Bind.LOOPBACK);
        assertThat(loaded.warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo("gateway.bind");
            assertThat(w.message()).contains("\"localhost\"").contains("\"loopback\"");
        });
    }

    @Test
    void old_and_new_key_together_is_an_error_naming_both() {
        LoadResult result = ConfigLoader.parse("[gateway]\ntoken = \"a\"\n[gateway.auth]\ntoken = \"b\"\n", Map.of());

        assertThat(result).isInstanceOfSatisfying(LoadResult.Rejected.class, r -> assertThat(r.errors())
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.message()).contains("\"gateway.token\"").contains("\"gateway.auth.token\"");
                }));
    }

    @Test
    void errors_on_a_migrated_key_point_at_the_old_key() {
        LoadResult result = ConfigLoader.parse("[gateway]\n\nhost = \"not a host\"\n", Map.of());

        assertThat(result).isInstanceOfSatisfying(LoadResult.Rejected.class, r -> assertThat(r.errors())
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.path()).isEqualTo("gateway.bind");
                    assertThat(e.line()).isEqualTo(3);
                }));
    }
}
