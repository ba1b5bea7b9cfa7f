package openclaw.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link Store} dialect must show (session and transcript behaviour is inherited from
 * {@link SessionContract} and {@link TranscriptContract});
 * subclasses supply a fresh empty database per test.
 */
abstract class StoreContract extends SessionContract {
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
        clock.advance(Duration.ofMinutes(3));
        SessionRecord restarted = first.sessions().restart("s");
        first.keyValues().put("ns", "k", "v");
        first.close();

        Store second = openMigrated();

        assertThat(second.migrationStatus().upToDate()).isTrue();
        assertThat(second.instance().current()).contains(instance);
        assertThat(second.agents().list()).extracting(AgentRecord::displayName).containsExactly("Main");
        assertThat(second.agents().listBindings()).hasSize(1);
        assertThat(second.sessions().find("s")).contains(restarted);
        assertThat(restarted.historyFrom()).isEqualTo(1);
        assertThat(second.transcripts().read("s", 0, 10))
                .extracting(TranscriptEntry::content)
                .containsExactly("{\"text\":\"kept\"}");
        assertThat(second.keyValues().get("ns", "k")).contains("v");
    }
}
