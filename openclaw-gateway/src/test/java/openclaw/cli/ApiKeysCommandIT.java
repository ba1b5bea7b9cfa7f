package openclaw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import openclaw.config.OpenClawHome;
import openclaw.openai.ApiKeys;
import openclaw.openai.Scope;
import openclaw.store.Store;
import openclaw.store.StoreSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openclaw apikeys …} in-process against a temporary OPENCLAW_HOME. */
class ApiKeysCommandIT {

    @TempDir
    Path home;

    private final CliRunner cli = new CliRunner();

    private int run(String... args) {
        return cli.run(home, args);
    }

    private String out() {
        return cli.out();
    }

    private String err() {
        return cli.err();
    }

    @Test
    void create_prints_the_key_once_and_stores_only_its_hash() throws Exception {
        assertThat(run("apikeys", "create", "--name", "ci-bot", "--scope", "assistants"))
                .as(err())
                .isZero();
        String secret = out().strip();
        assertThat(secret).startsWith("ocsk_").hasSize(48);
        assertThat(err()).contains("shown only now");

        try (Store store = Store.open(StoreSettings.of(new OpenClawHome(home).defaultStorageUrl()))) {
            store.migrate();
            ApiKeys keys = new ApiKeys(store.keyValues(), Clock.systemUTC());
            assertThat(keys.verify(secret))
                    .get()
                    .extracting(ApiKeys.ApiKey::scope)
                    .isEqualTo(Scope.ASSISTANTS);
            assertThat(store.keyValues().list(ApiKeys.NAMESPACE).toString()).doesNotContain(secret);
        }
        try (var files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
                        .as(f.toString())
                        .doesNotContain(secret);
            }
        }
    }

    @Test
    void list_shows_names_scopes_and_hints_but_never_secrets() {
        run("apikeys", "create", "--name", "a");
        String secret = out().strip();
        run("apikeys", "create", "--name", "b", "--scope", "admin");

        assertThat(run("apikeys", "list")).isZero();
        assertThat(out()).contains("a  chat  ocsk_").contains("b  admin").doesNotContain(secret);
        assertThat(run("apikeys", "list", "--json")).isZero();
        assertThat(out()).contains("\"name\" : \"a\"").doesNotContain(secret);
    }

    @Test
    void revoke_removes_the_key_and_unknown_names_are_explained() {
        run("apikeys", "create", "--name", "gone");
        assertThat(run("apikeys", "revoke", "gone")).isZero();
        assertThat(out()).contains("revoked API key 'gone'");
        assertThat(run("apikeys", "revoke", "gone")).isEqualTo(1);
        assertThat(err()).contains("no API key named 'gone'").contains("openclaw apikeys list");
        assertThat(run("apikeys", "list")).isZero();
        assertThat(out()).contains("no API keys");
    }

    @Test
    void bad_scope_and_duplicate_names_are_refused_with_the_fix() {
        assertThat(run("apikeys", "create", "--name", "x", "--scope", "root")).isEqualTo(2);
        assertThat(err()).contains("unknown scope 'root'").contains("chat, assistants or admin");
        run("apikeys", "create", "--name", "x");
        assertThat(run("apikeys", "create", "--name", "x")).isEqualTo(1);
        assertThat(err()).contains("an API key named 'x' exists");
        assertThat(run("apikeys", "create", "--name", "bad name")).isEqualTo(1);
        assertThat(err()).contains("invalid key name");
    }
}
