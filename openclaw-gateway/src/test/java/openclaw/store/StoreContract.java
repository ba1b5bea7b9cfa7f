package openclaw.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link Store} dialect must show (transcript behaviour is inherited from {@link TranscriptContract});
 * subclasses supply a fresh empty database per test.
 */
abstract class StoreContract extends TranscriptContract {
    @Test
    void a_fresh_database_reports_pending_migrations_without_applying_them() {
        Store store = open();

        MigrationStatus status = store.migrationStatus();

        assertThat(status.appliedVersion()).isZero();
        assertThat(status.latestVersion()).isGreaterThanOrEqualTo(1);
        assertThat(status.pending()).isEqualTo(status.latestVersion());
        assertThat(status.upToDate()).isFalse();
        assertThat(store.migrationStatus()).isEqualTo(status);
    }

    @Test
    void migrate_brings_the_schema_up_to_date_and_is_idempotent() {
        Store store = openMigrated();
        store.migrate();

        MigrationStatus status = store.migrationStatus();
        assertThat(status.upToDate()).isTrue();
        assertThat(status.appliedVersion()).isEqualTo(status.latestVersion());
    }

    @Test
    void kind_and_describe_name_the_database_and_check_passes() {
        Store store = openMigrated();

        assertThat(store.kind()).isEqualTo(expectedKind());
        assertThat(store.describe()).startsWith(expectedKind().name().toLowerCase(java.util.Locale.ROOT) + " ");
        assertThat(store.describe()).doesNotContain("password");
        store.check();
    }

    @Test
    void check_fails_with_a_store_exception_after_close() {
        Store store = openMigrated();
        store.close();

        assertThatThrownBy(store::check).isInstanceOf(StoreException.class).hasMessageContaining(store.describe());
    }

    @Test
    void instance_row_is_created_once_and_every_startup_is_recorded() {
        Store store = openMigrated();
        assertThat(store.instance().current()).isEmpty();

        InstanceInfo first = store.instance().startup("2026.11.0");
        clock.advance(Duration.ofHours(1));
        InstanceInfo second = store.instance().startup("2026.12.0");

        assertThat(first.createdAt()).isEqualTo(T0);
        assertThat(first.instanceId()).matches("[0-9a-f-]{36}");
        assertThat(second.instanceId()).isEqualTo(first.instanceId());
        assertThat(second.createdAt()).isEqualTo(T0);
        assertThat(second.lastStartedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(second.version()).isEqualTo("2026.12.0");
        assertThat(store.instance().current()).contains(second);
    }

    @Test
    void agent_upsert_keeps_created_at_and_updates_name_and_updated_at() {
        Store store = openMigrated();
        store.agents().upsert("main", "Main");
        clock.advance(Duration.ofMinutes(5));

        AgentRecord renamed = store.agents().upsert("main", "Primary");

        assertThat(renamed).isEqualTo(new AgentRecord("main", "Primary", T0, T0.plus(Duration.ofMinutes(5))));
        assertThat(store.agents().find("main")).contains(renamed);
        assertThat(store.agents().find("other")).isEmpty();
    }

    @Test
    void agents_are_listed_by_id_and_can_be_deleted() {
        Store store = openMigrated();
        store.agents().upsert("zeta", "Z");
        store.agents().upsert("alpha", "A");

        assertThat(store.agents().list()).extracting(AgentRecord::id).containsExactly("alpha", "zeta");
        assertThat(store.agents().delete("zeta")).isTrue();
        assertThat(store.agents().delete("zeta")).isFalse();
        assertThat(store.agents().list()).extracting(AgentRecord::id).containsExactly("alpha");
    }

    @Test
    void binding_is_idempotent_and_needs_no_agent_record() {
        Store store = openMigrated();
        Binding first = store.agents().bind("config-only-agent", "telegram", "");
        clock.advance(Duration.ofMinutes(1));

        Binding again = store.agents().bind("config-only-agent", "telegram", "");

        assertThat(again).isEqualTo(first).isEqualTo(new Binding("config-only-agent", "telegram", "", T0));
        assertThat(store.agents().listBindings()).containsExactly(first);
    }

    @Test
    void bindings_are_listed_in_deterministic_order_and_unbind_reports_existence() {
        Store store = openMigrated();
        store.agents().bind("b", "telegram", "bot2");
        store.agents().bind("a", "telegram", "bot1");
        store.agents().bind("a", "discord", "");
        store.agents().bind("c", "telegram", "bot1");

        assertThat(store.agents().listBindings())
                .extracting(b -> b.channel() + "/" + b.accountId() + "->" + b.agentId())
                .containsExactly("discord/->a", "telegram/bot1->a", "telegram/bot1->c", "telegram/bot2->b");
        assertThat(store.agents().unbind("a", "discord", "")).isTrue();
        assertThat(store.agents().unbind("a", "discord", "")).isFalse();
        assertThat(store.agents().listBindings()).hasSize(3);
    }

    @Test
    void get_or_create_returns_the_existing_session_unchanged() {
        Store store = openMigrated();
        SessionRecord created = store.sessions().getOrCreate("agent:main:main", "main");
        clock.advance(Duration.ofSeconds(10));

        SessionRecord again = store.sessions().getOrCreate("agent:main:main", "other");

        assertThat(created).isEqualTo(new SessionRecord("agent:main:main", "main", T0, T0, 0));
        assertThat(again).isEqualTo(created);
        assertThat(store.sessions().find("agent:main:main")).contains(created);
        assertThat(store.sessions().find("agent:main:missing")).isEmpty();
    }

    @Test
    void session_keys_of_512_characters_are_accepted_and_longer_ones_rejected() {
        Store store = openMigrated();

        assertThat(store.sessions().getOrCreate("k".repeat(512), "main").key()).hasSize(512);
        assertThatThrownBy(() -> store.sessions().getOrCreate("k".repeat(513), "main"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("512");
    }

    @Test
    void sessions_are_listed_most_recently_updated_first_up_to_the_limit() {
        Store store = openMigrated();
        store.sessions().getOrCreate("s1", "main");
        clock.advance(Duration.ofSeconds(1));
        store.sessions().getOrCreate("s2", "main");
        clock.advance(Duration.ofSeconds(1));
        store.sessions().getOrCreate("s3", "main");
        clock.advance(Duration.ofSeconds(1));
        store.sessions().touch("s1");

        assertThat(store.sessions().list(10)).extracting(SessionRecord::key).containsExactly("s1", "s3", "s2");
        assertThat(store.sessions().list(2)).extracting(SessionRecord::key).containsExactly("s1", "s3");
        assertThat(store.sessions().find("s1").orElseThrow().updatedAt()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void touching_an_unknown_session_fails_with_its_key() {
        Store store = openMigrated();

        assertThatThrownBy(() -> store.sessions().touch("agent:main:nope"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("agent:main:nope");
    }

    @Test
    void deleting_a_session_deletes_its_transcript() {
        Store store = openMigrated();
        store.sessions().getOrCreate("s", "main");
        store.transcripts().append("s", "user", "{\"text\":\"hi\"}");

        assertThat(store.sessions().delete("s")).isTrue();
        assertThat(store.sessions().delete("s")).isFalse();
        assertThat(store.transcripts().count("s")).isZero();
        store.sessions().getOrCreate("s", "main");
        assertThat(store.transcripts().append("s", "user", "{}").seq()).isEqualTo(1);
    }

    @Test
    void key_values_are_namespaced_overwritten_deleted_and_listed_sorted() {
        Store store = openMigrated();
        KeyValueStore kv = store.keyValues();
        kv.put("ns", "b", "2");
        kv.put("ns", "a", "1");
        kv.put("ns", "a", "one");
        kv.put("other", "a", "x");

        assertThat(kv.get("ns", "a")).contains("one");
        assertThat(kv.get("ns", "zz")).isEmpty();
        assertThat(kv.list("ns")).containsExactly(java.util.Map.entry("a", "one"), java.util.Map.entry("b", "2"));
        assertThat(kv.delete("ns", "a")).isTrue();
        assertThat(kv.delete("ns", "a")).isFalse();
        assertThat(kv.list("ns")).containsOnlyKeys("b");
        assertThat(kv.list("other")).containsOnlyKeys("a");
    }

    @Test
    void reopening_and_migrating_again_keeps_all_data() {
        Store first = openMigrated();
        InstanceInfo instance = first.instance().startup("1");
        first.agents().upsert("main", "Main");
        first.agents().bind("main", "telegram", "bot");
        first.sessions().getOrCreate("s", "main");
        first.transcripts().append("s", "user", "{\"text\":\"kept\"}");
        first.keyValues().put("ns", "k", "v");
        first.close();

        Store second = openMigrated();

        assertThat(second.migrationStatus().upToDate()).isTrue();
        assertThat(second.instance().current()).contains(instance);
        assertThat(second.agents().list()).extracting(AgentRecord::displayName).containsExactly("Main");
        assertThat(second.agents().listBindings()).hasSize(1);
        assertThat(second.sessions().find("s").orElseThrow().entryCount()).isEqualTo(1);
        assertThat(second.transcripts().read("s", 0, 10))
                .extracting(TranscriptEntry::content)
                .containsExactly("{\"text\":\"kept\"}");
        assertThat(second.keyValues().get("ns", "k")).contains("v");
    }
}
