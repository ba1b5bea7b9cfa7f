package openclaw.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit on a real SQLite file: batching, savepoint isolation of a failing unit, ordering, durability of what
 * was acknowledged, readers beside a busy writer, and shutdown. Batches are made deterministic by parking the writer
 * inside a first unit until the next units are queued.
 */
class GroupCommitTest {

    @TempDir
    Path tmp;

    private Path file;
    private HikariDataSource writerPool;
    private GroupCommit committer;
    private SqliteReaders readers;
    private JdbcSessionStore sessions;
    private JdbcTranscriptStore transcripts;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch writerParked = new CountDownLatch(1);
    private final CountDownLatch unparkWriter = new CountDownLatch(1);

    @BeforeEach
    void open() {
        file = tmp.resolve("state").resolve("openclaw.sqlite");
        try (Store store = Store.open(StoreSettings.of("jdbc:sqlite:" + file))) {
            store.migrate();
            store.sessions().getOrCreate("s", "main");
        }
        writerPool = SqliteDataSource.open(file);
        committer = new GroupCommit(writerPool, "test-writer");
        readers = new SqliteReaders(SqliteDataSource.readOnly(file), 2);
        Jdbc jdbc = new Jdbc(readers, committer, "test database");
        sessions = new JdbcSessionStore(jdbc, Clock.systemUTC());
        transcripts = new JdbcTranscriptStore(jdbc, Clock.systemUTC(), StoreKind.SQLITE);
    }

    @AfterEach
    void close() {
        unparkWriter.countDown();
        threads.close();
        committer.close();
        readers.close();
        writerPool.close();
    }

    @Test
    void a_chore_runs_on_the_writer_connection_between_batches_and_its_failure_stops_no_write() throws Exception {
        Future<Integer> parked = parkWriter();
        CountDownLatch choreRan = new CountDownLatch(1);
        committer.between(c -> {
            throw new SQLException("chore failed on purpose");
        });
        committer.between(
                c -> { // replaces the failing one, which never runs
                    assertThat(c.connection().getAutoCommit()).isTrue();
                    // outside the batch's transaction: a transaction can begin here
                    Jdbc.execute(c, "BEGIN IMMEDIATE");
                    Jdbc.execute(c, "COMMIT");
                    choreRan.countDown();
                    return null;
                });
        Future<TranscriptEntry> queued = threads.submit(() -> transcripts.append("s", "user", "{\"text\":\"hi\"}"));
        assertThat(choreRan.getCount()).isEqualTo(1); // the writer is still inside the first batch

        unparkWriter.countDown();

        assertThat(parked.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(choreRan.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(queued.get(10, TimeUnit.SECONDS).seq()).isEqualTo(1);
        committer.between(c -> {
            throw new SQLException("chore failed on purpose");
        });
        assertThat(transcripts.append("s", "user", "{\"text\":\"again\"}").seq())
                .isEqualTo(2);
    }

    @Test
    void paused_reads_wait_for_the_pause_and_a_pause_waits_for_reads_in_progress() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch finishRead = new CountDownLatch(1);
        Future<Long> slowRead = threads.submit(() -> readers.run(c -> {
            reading.countDown();
            awaitQuietly(finishRead);
            return Jdbc.query(c, "SELECT COUNT(*) FROM sessions", r -> r.getLong(1))
                    .getFirst();
        }));
        assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
        CountDownLatch pausing = new CountDownLatch(1);
        CountDownLatch endPause = new CountDownLatch(1);
        Future<String> pause = threads.submit(() -> readers.paused(() -> {
            pausing.countDown();
            awaitQuietly(endPause);
            return "paused";
        }));

        assertThat(pausing.await(300, TimeUnit.MILLISECONDS)).isFalse(); // the read in progress holds it back
        finishRead.countDown();
        assertThat(slowRead.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(pausing.await(10, TimeUnit.SECONDS)).isTrue();
        Future<List<Long>> heldBack =
                threads.submit(() -> readers.run(c -> Jdbc.query(c, "SELECT 7", r -> r.getLong(1))));
        Thread.sleep(200);
        assertThat(heldBack).isNotDone();
        endPause.countDown();

        assertThat(pause.get(10, TimeUnit.SECONDS)).isEqualTo("paused");
        assertThat(heldBack.get(10, TimeUnit.SECONDS)).containsExactly(7L);
    }

    /** Occupies the writer with a unit that waits inside the open transaction until {@link #unparkWriter}. */
    private Future<Integer> parkWriter() throws InterruptedException {
        Future<Integer> parked = threads.submit(() -> committer.run(c -> {
            writerParked.countDown();
            awaitQuietly(unparkWriter);
            return Jdbc.update(c, "INSERT INTO key_values VALUES ('t', 'parked', 'x', 0)");
        }));
        assertThat(writerParked.await(10, TimeUnit.SECONDS)).isTrue();
        return parked;
    }

    /** Submits {@code call} on its own thread and waits until its unit is queued, so queue order is known. */
    private <T> Future<T> queue(Callable<T> call) throws InterruptedException {
        int before = committer.pending();
        Future<T> result = threads.submit(call);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (committer.pending() == before) {
            assertThat(System.nanoTime()).as("unit queued in time").isLessThan(deadline);
            Thread.sleep(1);
        }
        return result;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long rows(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static Throwable failureOf(Future<?> future) throws InterruptedException {
        try {
            future.get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no outcome in time", e);
        }
    }

    @Test
    void queued_units_share_one_commit_and_a_failing_one_rolls_back_only_its_own_work() throws Exception {
        Future<Integer> parked = parkWriter();
        Future<TranscriptEntry> first = queue(() -> transcripts.append("s", "user", "{\"n\":1}"));
        Future<TranscriptEntry> badJson = queue(() -> transcripts.append("s", "user", "{not json"));
        Future<TranscriptEntry> second = queue(() -> transcripts.append("s", "user", "{\"n\":2}"));
        Future<Integer> throwing = queue(() -> committer.run(c -> {
            Jdbc.update(c, "INSERT INTO key_values VALUES ('t', 'undone', 'x', 0)");
            throw new IllegalStateException("unit gave up after writing");
        }));
        Future<TranscriptEntry> third = queue(() -> transcripts.append("s", "user", "{\"n\":3}"));

        unparkWriter.countDown();

        assertThat(parked.get()).isEqualTo(1);
        // seqs follow queue order and stay gap-free around the two failed units
        assertThat(List.of(first.get(), second.get(), third.get()))
                .extracting(TranscriptEntry::seq, TranscriptEntry::content)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, "{\"n\":1}"),
                        org.assertj.core.groups.Tuple.tuple(2L, "{\"n\":2}"),
                        org.assertj.core.groups.Tuple.tuple(3L, "{\"n\":3}"));
        assertThat(failureOf(badJson)).isInstanceOf(StoreException.class).hasMessageContaining("session s");
        assertThat(failureOf(throwing))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("unit gave up after writing");
        assertThat(rows("SELECT COUNT(*) FROM key_values WHERE item_key = 'undone'"))
                .isZero();
        assertThat(rows("SELECT COUNT(*) FROM key_values WHERE item_key = 'parked'"))
                .isOne();
        assertThat(sessions.find("s").orElseThrow().entryCount()).isEqualTo(3);
        assertThat(committer.batches()).isEqualTo(2);
        assertThat(committer.units()).isEqualTo(4); // the parked unit and three appends
    }

    @Test
    void a_started_append_returns_before_its_commit_and_is_durable_once_a_later_write_returned() throws Exception {
        Future<Integer> parked = parkWriter();

        TranscriptStore.PendingAppend started = transcripts.startAppend("s", "user", "{\"n\":1}");
        TranscriptStore.PendingAppend broken = transcripts.startAppend("s", "user", "{not json");
        Future<TranscriptEntry> later = queue(() -> transcripts.append("s", "assistant", "{\"n\":2}"));
        assertThat(rows("SELECT COUNT(*) FROM transcript_entries")).isZero();

        unparkWriter.countDown();

        assertThat(parked.get()).isEqualTo(1);
        assertThat(later.get(10, TimeUnit.SECONDS).seq()).isEqualTo(2);
        assertThat(rows("SELECT COUNT(*) FROM transcript_entries WHERE seq = 1 AND role = 'user'"))
                .isOne();
        assertThat(started.await().seq()).isEqualTo(1);
        assertThatThrownBy(broken::await).isInstanceOf(StoreException.class).hasMessageContaining("session s");
    }

    @Test
    void readers_do_not_wait_for_a_writer_holding_the_write_lock() throws Exception {
        transcripts.append("s", "user", "{\"n\":1}");
        Future<Integer> parked = parkWriter(); // inside BEGIN IMMEDIATE, with an uncommitted row

        List<TranscriptEntry> read =
                threads.submit(() -> transcripts.read("s", 0, 10)).get(5, TimeUnit.SECONDS);

        assertThat(read).extracting(TranscriptEntry::seq).containsExactly(1L);
        assertThat(parked.isDone()).isFalse();
        unparkWriter.countDown();
        assertThat(parked.get()).isEqualTo(1);
    }

    @Test
    void when_the_batch_transaction_is_lost_no_unit_of_it_reports_success() throws Exception {
        Future<Integer> parked = parkWriter();
        Future<TranscriptEntry> append = queue(() -> transcripts.append("s", "user", "{\"n\":1}"));
        // a unit that ends the whole transaction behind the writer's back: its savepoint is gone, so the batch fails
        Future<Integer> rogue = queue(() -> committer.run(c -> {
            Jdbc.execute(c, "ROLLBACK");
            return 0;
        }));

        unparkWriter.countDown();

        assertThat(parked.get()).isEqualTo(1); // its own, earlier batch
        assertThat(failureOf(append)).isInstanceOf(StoreException.class);
        assertThat(failureOf(rogue)).isInstanceOf(SQLException.class);
        assertThat(rows("SELECT COUNT(*) FROM transcript_entries")).isZero();
        assertThat(rows("SELECT entry_count FROM sessions WHERE session_key = 's'"))
                .isZero();
        assertThat(committer.batches()).isEqualTo(1);
        // the writer carries on with the next batch
        assertThat(transcripts.append("s", "user", "{\"n\":1}").seq()).isEqualTo(1);
    }

    @Test
    void a_unit_cannot_start_another_transaction_and_the_writer_survives_it() {
        assertThatThrownBy(() -> committer.run(c -> committer.run(inner -> 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must not start another transaction");

        assertThat(transcripts.append("s", "user", "{}").seq()).isEqualTo(1);
    }

    @Test
    void an_interrupted_caller_still_gets_its_outcome_and_keeps_the_interrupt() throws Exception {
        Future<Boolean> result = threads.submit(() -> {
            Thread.currentThread().interrupt();
            TranscriptEntry entry = transcripts.append("s", "user", "{}");
            return entry.seq() == 1 && Thread.interrupted();
        });

        assertThat(result.get()).isTrue();
        assertThat(rows("SELECT COUNT(*) FROM transcript_entries")).isOne();
    }

    @Test
    void closing_finishes_queued_units_and_refuses_new_ones() throws Exception {
        Future<Integer> parked = parkWriter();
        Future<TranscriptEntry> queued = queue(() -> transcripts.append("s", "user", "{}"));
        Future<?> closing = threads.submit(committer::close);

        Thread.sleep(50); // close() is now waiting for the writer
        unparkWriter.countDown();
        closing.get(10, TimeUnit.SECONDS);

        assertThat(parked.get()).isEqualTo(1);
        assertThat(queued.get().seq()).isEqualTo(1);
        assertThatThrownBy(() -> committer.run(c -> 1))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void concurrent_writers_are_batched_and_every_acknowledged_write_is_durable_and_visible() throws Exception {
        int writers = 64;
        int appends = 20;
        Store store = Store.open(StoreSettings.of("jdbc:sqlite:" + file));
        List<Future<Void>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String key = "w" + w;
            results.add(threads.submit(() -> {
                store.sessions().getOrCreate(key, "main");
                // a separate connection, as another process would open: an acknowledged append must already be there
                try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                        PreparedStatement count = other.prepareStatement(
                                "SELECT COUNT(*) FROM transcript_entries WHERE session_key = ?")) {
                    count.setString(1, key);
                    for (int i = 1; i <= appends; i++) {
                        long seq = store.transcripts()
                                .append(key, "user", "{\"i\":" + i + "}")
                                .seq();
                        assertThat(seq).isEqualTo(i);
                        try (ResultSet r = count.executeQuery()) {
                            r.next();
                            assertThat(r.getLong(1)).isEqualTo(i);
                        }
                        // read-your-writes through the store's own read connections too
                        assertThat(store.sessions().find(key).orElseThrow().entryCount())
                                .isEqualTo(i);
                    }
                }
                return null;
            }));
        }
        for (Future<Void> result : results) {
            result.get(60, TimeUnit.SECONDS);
        }
        WriteStats stats = store.writeStats();
        store.close();

        assertThat(stats.transactions()).isEqualTo((long) writers * (appends + 1));
        assertThat(stats.commits()).isLessThan(stats.transactions());
        try (Store reopened = Store.open(StoreSettings.of("jdbc:sqlite:" + file))) {
            for (int w = 0; w < writers; w++) {
                assertThat(reopened.transcripts().read("w" + w, 0, 100))
                        .extracting(TranscriptEntry::seq)
                        .containsExactlyElementsOf(
                                LongStream.rangeClosed(1, appends).boxed().toList());
            }
        }
    }
}
