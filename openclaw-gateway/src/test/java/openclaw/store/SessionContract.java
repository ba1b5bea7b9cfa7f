package openclaw.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Session index behaviour every {@link Store} dialect must show, including the conversation lifecycle. */
abstract class SessionContract extends TranscriptContract {
    @Test
    void a_turn_costs_one_write_transaction_per_entry_once_the_session_exists() {
        Store store = openMigrated();
        store.sessions().getOrCreate("s", "main");
        WriteStats before = store.writeStats();

        store.sessions().getOrCreate("s", "main"); // the session layer's open
        store.sessions().getOrCreate("s", "main"); // the agent loop's lookup
        store.transcripts().append("s", "user", "{}");
        store.transcripts().append("s", "assistant", "{}");

        assertThat(store.writeStats().transactions() - before.transactions()).isEqualTo(2);
    }

    @Test
    void get_or_create_returns_the_existing_session_unchanged() {
        Store store = openMigrated();
        SessionRecord created = store.sessions().getOrCreate("agent:main:main", "main");
        clock.advance(Duration.ofSeconds(10));

        SessionRecord again = store.sessions().getOrCreate("agent:main:main", "other");

        assertThat(created).isEqualTo(new SessionRecord("agent:main:main", "main", T0, T0, 0, 0, T0));
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
    void sessions_can_be_listed_for_one_agent() {
        Store store = openMigrated();
        store.sessions().getOrCreate("a1", "alpha");
        clock.advance(Duration.ofSeconds(1));
        store.sessions().getOrCreate("b1", "beta");
        clock.advance(Duration.ofSeconds(1));
        store.sessions().getOrCreate("a2", "alpha");

        assertThat(store.sessions().list(10, "alpha"))
                .extracting(SessionRecord::key)
                .containsExactly("a2", "a1");
        assertThat(store.sessions().list(1, "alpha"))
                .extracting(SessionRecord::key)
                .containsExactly("a2");
        assertThat(store.sessions().list(10, "nobody")).isEmpty();
        assertThat(store.sessions().countByAgent())
                .containsExactly(java.util.Map.entry("alpha", 2L), java.util.Map.entry("beta", 1L));
    }

    @Test
    void restart_starts_a_new_conversation_and_keeps_the_old_transcript() {
        Store store = openMigrated();
        store.sessions().getOrCreate("s", "main");
        for (int i = 1; i <= 3; i++) {
            store.transcripts().append("s", "user", "{\"n\":" + i + "}");
        }
        clock.advance(Duration.ofHours(2));

        SessionRecord restarted = store.sessions().restart("s");

        Instant now = T0.plus(Duration.ofHours(2));
        assertThat(restarted).isEqualTo(new SessionRecord("s", "main", T0, now, 3, 3, now));
        assertThat(restarted.conversationEntries()).isZero();
        assertThat(store.sessions().find("s")).contains(restarted);
        assertThat(store.transcripts().read("s", 0, 10)).hasSize(3);
        assertThat(store.transcripts().read("s", restarted.historyFrom(), 10)).isEmpty();

        TranscriptEntry next = store.transcripts().append("s", "user", "{\"n\":4}");
        assertThat(next.seq()).isEqualTo(4);
        SessionRecord after = store.sessions().find("s").orElseThrow();
        assertThat(after.conversationEntries()).isEqualTo(1);
        assertThat(store.transcripts().read("s", after.historyFrom(), 10))
                .extracting(TranscriptEntry::seq)
                .containsExactly(4L);
    }

    @Test
    void restarting_twice_without_new_entries_changes_only_the_times() {
        Store store = openMigrated();
        store.sessions().getOrCreate("s", "main");
        store.transcripts().append("s", "user", "{}");
        store.sessions().restart("s");
        clock.advance(Duration.ofMinutes(1));

        SessionRecord again = store.sessions().restart("s");

        assertThat(again.historyFrom()).isEqualTo(1);
        assertThat(again.segmentStartedAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
    }

    @Test
    void extend_renews_the_start_and_last_activity_and_keeps_the_conversation() {
        Store store = openMigrated();
        store.sessions().getOrCreate("s", "main");
        store.transcripts().append("s", "user", "{}");
        clock.advance(Duration.ofHours(5));

        SessionRecord extended = store.sessions().extend("s");

        Instant now = T0.plus(Duration.ofHours(5));
        assertThat(extended).isEqualTo(new SessionRecord("s", "main", T0, now, 1, 0, now));
        assertThat(store.sessions().find("s")).contains(extended);
    }

    @Test
    void restarting_or_extending_an_unknown_session_fails_with_its_key() {
        Store store = openMigrated();

        assertThatThrownBy(() -> store.sessions().restart("agent:main:nope"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("agent:main:nope");
        assertThatThrownBy(() -> store.sessions().extend("agent:main:nope"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("agent:main:nope");
    }

    @Test
    void migrating_a_version_1_database_keeps_sessions_with_their_whole_transcript_as_the_conversation()
            throws Exception {
        open(); // creates the SQLite directory; no schema yet
        String dialect = expectedKind() == StoreKind.SQLITE ? "sqlite" : "postgresql";
        Flyway.configure(getClass().getClassLoader())
                .dataSource(jdbcUrl(), null, null)
                .locations("classpath:db/migration/" + dialect)
                .target("1")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(jdbcUrl());
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO sessions (session_key, agent_id, created_at, updated_at, entry_count)"
                    + " VALUES ('old', 'main', 1000, 5000, 2)");
        }

        Store store = openMigrated();

        assertThat(store.sessions().find("old"))
                .contains(new SessionRecord(
                        "old",
                        "main",
                        Instant.ofEpochMilli(1000),
                        Instant.ofEpochMilli(5000),
                        2,
                        0,
                        Instant.ofEpochMilli(1000)));
        assertThat(store.migrationStatus().upToDate()).isTrue();
    }
}
