package openclaw.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Transcript behaviour every {@link Store} dialect must show, including concurrent appends. */
abstract class TranscriptContract extends StoreFixture {

    @Test
    void append_assigns_consecutive_seqs_and_updates_the_session() {
        Store store = openMigrated();
        store.sessions().getOrCreate("s", "main");
        clock.advance(Duration.ofSeconds(7));

        TranscriptEntry first = store.transcripts().append("s", "user", "{\"text\":\"hi\"}");
        TranscriptEntry second = store.transcripts().append("s", "assistant", "{\"text\":\"hello\"}");

        assertThat(first).isEqualTo(new TranscriptEntry("s", 1, "user", "{\"text\":\"hi\"}", T0.plusSeconds(7)));
        assertThat(second.seq()).isEqualTo(2);
        assertThat(store.transcripts().count("s")).isEqualTo(2);
        SessionRecord session = store.sessions().find("s").orElseThrow();
        assertThat(session.entryCount()).isEqualTo(2);
        assertThat(session.updatedAt()).isEqualTo(T0.plusSeconds(7));
    }

    @Test
    void appending_to_a_missing_session_fails_clearly() {
        Store store = openMigrated();

        assertThatThrownBy(() -> store.transcripts().append("agent:main:ghost", "user", "{}"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("agent:main:ghost")
                .hasMessageContaining("does not exist");
    }

    @Test
    void appending_invalid_json_is_rejected_and_leaves_the_transcript_unchanged() {
        Store store = openMigrated();
        store.sessions().getOrCreate("s", "main");

        assertThatThrownBy(() -> store.transcripts().append("s", "user", "{not json"))
                .isInstanceOf(StoreException.class);
        assertThat(store.transcripts().count("s")).isZero();
        assertThat(store.sessions().find("s").orElseThrow().entryCount()).isZero();
    }

    @Test
    void content_is_stored_exactly_as_given() {
        Store store = openMigrated();
        store.sessions().getOrCreate("s", "main");
        String content = "{ \"z\" : 1,\n  \"a\": [\"grüße 👋\", null, 1.50] }";

        store.transcripts().append("s", "user", content);

        assertThat(store.transcripts().read("s", 0, 10))
                .singleElement()
                .extracting(TranscriptEntry::content)
                .isEqualTo(content);
    }

    @Test
    void read_returns_entries_after_a_seq_in_order_up_to_the_limit() {
        Store store = openMigrated();
        store.sessions().getOrCreate("s", "main");
        for (int i = 1; i <= 5; i++) {
            store.transcripts().append("s", "user", "{\"n\":" + i + "}");
        }

        assertThat(store.transcripts().read("s", 2, 2))
                .extracting(TranscriptEntry::seq)
                .containsExactly(3L, 4L);
        assertThat(store.transcripts().read("s", 0, 100)).hasSize(5);
        assertThat(store.transcripts().read("s", 5, 100)).isEmpty();
        assertThat(store.transcripts().read("other", 0, 100)).isEmpty();
    }

    @Test
    void the_database_rejects_updates_of_transcript_rows() throws Exception {
        Store store = openMigrated();
        store.sessions().getOrCreate("s", "main");
        store.transcripts().append("s", "user", "{\"text\":\"original\"}");

        try (Connection c = DriverManager.getConnection(jdbcUrl());
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE transcript_entries SET role = 'system'"))
                    .hasMessageContaining("append-only");
        }
        assertThat(store.transcripts().read("s", 0, 1).getFirst().role()).isEqualTo("user");
    }

    @Test
    void concurrent_appends_from_virtual_threads_get_gap_free_unique_seqs() throws Exception {
        Store store = openMigrated();
        store.sessions().getOrCreate("s", "main");
        int threads = 8;
        int perThread = 50;

        List<Future<List<Long>>> results = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(executor.submit(() -> {
                    List<Long> seqs = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        seqs.add(store.transcripts()
                                .append("s", "user", "{\"t\":" + thread + ",\"i\":" + i + "}")
                                .seq());
                    }
                    return seqs;
                }));
            }
        }

        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> result : results) {
            all.addAll(result.get());
        }
        long total = (long) threads * perThread;
        assertThat(all)
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(store.transcripts().read("s", 0, 1000))
                .extracting(TranscriptEntry::seq)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(store.sessions().find("s").orElseThrow().entryCount()).isEqualTo(total);
    }
}
