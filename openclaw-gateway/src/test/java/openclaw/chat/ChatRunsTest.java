package openclaw.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import openclaw.agent.AgentRunner;
import openclaw.agent.AgentSpec;
import openclaw.agent.ModelRef;
import openclaw.agent.ProviderRegistry;
import openclaw.agent.RetryPolicy;
import openclaw.sdk.OpenClawException;
import openclaw.sdk.provider.ChatMessage;
import openclaw.sdk.provider.ChatRequest;
import openclaw.sdk.provider.ChatStream;
import openclaw.sdk.provider.ModelProvider;
import openclaw.sdk.provider.ThinkingLevel;
import openclaw.store.Store;
import openclaw.store.StoreSettings;
import openclaw.testkit.provider.FakeModelProvider;
import openclaw.testkit.time.ManualClock;
import openclaw.tool.ToolRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatRunsTest {

    private static final Duration FIVE_MINUTES = Duration.ofMinutes(ChatRuns.RETAIN_MINUTES);
    private static final AgentSpec AGENT = new AgentSpec(
            "main", "Be brief.", new ModelRef("fake", "m"), List.of(), ThinkingLevel.DEFAULT, List.of(), 4);

    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at(Instant.parse("2026-06-01T12:00:00Z"));
    private final FakeModelProvider model = new FakeModelProvider("fake");
    private Store store;
    private ChatRuns.Services services;

    @BeforeEach
    void open() {
        store = Store.open(new StoreSettings("jdbc:sqlite:" + tmp.resolve("s.sqlite"), clock));
        store.migrate();
        services = services(model);
    }

    private ChatRuns.Services services(ModelProvider provider) {
        AgentRunner runner = new AgentRunner(new AgentRunner.Services(
                new ProviderRegistry(Map.of("fake", provider)),
                ToolRegistry.builtIns(store.sessions()),
                store.sessions(),
                store.transcripts(),
                clock,
                RetryPolicy.IMMEDIATE));
        SessionHooks hooks = new SessionHooks() {
            @Override
            public void open(String sessionKey, String agentId) {
                store.sessions().getOrCreate(sessionKey, agentId);
            }

            @Override
            public Optional<String> command(String sessionKey, String agentId, String text) {
                return Optional.empty();
            }
        };
        return new ChatRuns.Services(() -> runner, () -> Map.of("main", AGENT), hooks, clock);
    }

    /** {@link #model}, except that a turn whose message is "wait" blocks in the model until {@code release} opens. */
    private ModelProvider gated(CountDownLatch release) {
        return new ModelProvider() {
            @Override
            public String id() {
                return "fake";
            }

            @Override
            public ChatStream stream(ChatRequest request) {
                if (request.messages().getLast() instanceof ChatMessage.User u
                        && u.text().equals("wait")) {
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return model.stream(request);
            }
        };
    }

    private static CompletableFuture<RunOutcome> started(ChatRuns runs, String runId, String session, String message) {
        CompletableFuture<RunOutcome> done = new CompletableFuture<>();
        runs.start(new RunRequest(runId, "main", session, message, Optional.empty()), e -> {
            if (e instanceof RunEvent.Finished f) {
                done.complete(f.outcome());
            }
        });
        return done;
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static RunRequest request(String runId, String message) {
        return new RunRequest(runId, "main", "agent:main:main", message, Optional.empty());
    }

    /**
     * Starts a run and waits for its {@link RunEvent.Finished}, which comes after the run's bookkeeping (await may
     * return a moment earlier).
     */
    private static RunOutcome run(ChatRuns runs, String runId, String message) {
        CompletableFuture<RunOutcome> done = new CompletableFuture<>();
        assertThat(runs.start(request(runId, message), e -> {
                    if (e instanceof RunEvent.Finished f) {
                        done.complete(f.outcome());
                    }
                }))
                .isInstanceOf(ChatRuns.Start.Started.class);
        return done.orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Test
    void a_run_never_waits_for_a_run_of_another_session_even_when_their_keys_hash_alike() throws Exception {
        String busy = "agent:main:Aa";
        String other = "agent:main:BB"; // "Aa" and "BB" have the same String hash: any hashed lock stripe is shared
        assertThat(busy.hashCode()).isEqualTo(other.hashCode());
        CountDownLatch release = new CountDownLatch(1);
        try (ChatRuns runs = new ChatRuns(services(gated(release)))) {
            CompletableFuture<RunOutcome> blocked = started(runs, "r1", busy, "wait");

            RunOutcome free = started(runs, "r2", other, "hi").get(10, TimeUnit.SECONDS);

            assertThat(free.status()).isEqualTo(RunOutcome.Status.OK);
            assertThat(blocked).isNotDone();
            release.countDown();
            assertThat(blocked.get(10, TimeUnit.SECONDS).status()).isEqualTo(RunOutcome.Status.OK);
        }
    }

    @Test
    void runs_of_one_session_run_one_at_a_time_in_arrival_order() throws Exception {
        model.answer("first").answer("second");
        CountDownLatch release = new CountDownLatch(1);
        try (ChatRuns runs = new ChatRuns(services(gated(release)))) {
            CompletableFuture<RunOutcome> first = started(runs, "r1", "agent:main:main", "wait");
            CompletableFuture<RunOutcome> second = started(runs, "r2", "agent:main:main", "then this");

            Thread.sleep(200); // the second run has had time to overtake, if it could
            assertThat(second).isNotDone();
            assertThat(runs.active("agent:main:main")).containsExactly("r1", "r2");
            release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS).text()).isEqualTo("first");
            assertThat(second.get(10, TimeUnit.SECONDS).text()).isEqualTo("second");
            // the second turn saw the first one's exchange
            assertThat(model.requests().get(1).messages()).hasSize(3);
            assertThat(runs.active("agent:main:main")).isEmpty();
        }
    }

    @Test
    void every_run_of_a_busy_session_runs_exactly_once() throws Exception {
        int count = 500;
        List<CompletableFuture<RunOutcome>> done = new ArrayList<>();
        try (ChatRuns runs = new ChatRuns(services)) {
            for (int i = 0; i < count; i++) { // each starts while the ones before it may be ending
                done.add(started(runs, "r" + i, "agent:main:main", "message " + i));
            }
            for (CompletableFuture<RunOutcome> d : done) {
                assertThat(d.get(30, TimeUnit.SECONDS).status()).isEqualTo(RunOutcome.Status.OK);
            }
        }
        assertThat(model.requests()).hasSize(count);
        // one at a time in arrival order: turn i saw the i earlier exchanges, each a user and an assistant message
        for (int i = 0; i < count; i += 97) {
            assertThat(model.requests().get(i).messages()).hasSize(2 * i + 1);
        }
    }

    @Test
    void a_finished_run_is_replayed_instead_of_run_again() {
        model.answer("first answer");
        try (ChatRuns runs = new ChatRuns(services)) {
            RunOutcome outcome = run(runs, "r1", "hello");

            ChatRuns.Start again = runs.start(request("r1", "hello"), e -> {});

            assertThat(again).isEqualTo(new ChatRuns.Start.Finished("r1", outcome));
            assertThat(outcome.text()).isEqualTo("first answer");
            assertThat(model.requests()).hasSize(1);
        }
    }

    @Test
    void only_the_most_recent_runs_are_kept_when_more_finish_than_the_cap() {
        try (ChatRuns runs = new ChatRuns(services, new ChatRuns.Retention(FIVE_MINUTES, 3, Long.MAX_VALUE))) {
            for (int i = 1; i <= 5; i++) {
                model.answer("answer " + i);
                run(runs, "r" + i, "question " + i);
            }

            assertThat(runs.retained()).isEqualTo(3);
            assertThat(IntStream.rangeClosed(1, 5).mapToObj(i -> runs.known("r" + i)))
                    .containsExactly(false, false, true, true, true);
            assertThat(runs.start(request("r5", "question 5"), e -> {}))
                    .isInstanceOfSatisfying(
                            ChatRuns.Start.Finished.class,
                            f -> assertThat(f.outcome().text()).isEqualTo("answer 5"));
            assertThatThrownBy(() -> runs.await("r1", Duration.ZERO))
                    .isInstanceOf(OpenClawException.class)
                    .hasMessageContaining("unknown run r1");
            // a forgotten run id is new again: it runs once more
            assertThat(runs.start(request("r1", "question 1"), e -> {})).isInstanceOf(ChatRuns.Start.Started.class);
        }
    }

    @Test
    void kept_runs_fit_in_the_character_budget() {
        // each run holds its 5-character message and 20-character answer: two fit in 50 characters, three do not
        try (ChatRuns runs = new ChatRuns(services, new ChatRuns.Retention(FIVE_MINUTES, 100, 50))) {
            for (int i = 1; i <= 3; i++) {
                model.answer("twenty characters #" + i);
                run(runs, "r" + i, "hello");
            }

            assertThat(runs.retained()).isEqualTo(2);
            assertThat(runs.known("r1")).isFalse();
            assertThat(runs.known("r2")).isTrue();
            assertThat(runs.known("r3")).isTrue();
        }
    }

    @Test
    void finished_runs_are_forgotten_after_the_retention_time() {
        try (ChatRuns runs = new ChatRuns(services)) {
            run(runs, "r1", "hello");
            clock.advance(FIVE_MINUTES);
            run(runs, "r2", "hello");
            assertThat(runs.known("r1")).isTrue();

            clock.advance(Duration.ofMillis(1));
            run(runs, "r3", "hello");

            assertThat(runs.known("r1")).isFalse();
            assertThat(runs.known("r2")).isTrue();
            assertThat(runs.retained()).isEqualTo(2);
        }
    }

    @Test
    void the_default_retention_keeps_ten_thousand_runs_and_sixteen_million_characters() {
        assertThat(ChatRuns.Retention.DEFAULT)
                .isEqualTo(new ChatRuns.Retention(Duration.ofMinutes(5), 10_000, 16L * 1024 * 1024));
    }

    @Test
    void kept_runs_stay_within_the_cap_when_many_finish_concurrently() throws Exception {
        int cap = 50;
        int sessions = 64;
        int perSession = 20;
        try (ChatRuns runs = new ChatRuns(services, new ChatRuns.Retention(FIVE_MINUTES, cap, Long.MAX_VALUE))) {
            List<Future<?>> results = new ArrayList<>();
            try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int s = 0; s < sessions; s++) {
                    int session = s;
                    results.add(workers.submit(() -> {
                        for (int i = 0; i < perSession; i++) {
                            String runId = "s" + session + "-" + i;
                            // with a cap below the concurrency a run may be forgotten before await could find it,
                            // so wait for its Finished event instead
                            CompletableFuture<RunOutcome> done = new CompletableFuture<>();
                            runs.start(
                                    new RunRequest(runId, "main", "agent:main:s" + session, "hi", Optional.empty()),
                                    e -> {
                                        if (e instanceof RunEvent.Finished f) {
                                            done.complete(f.outcome());
                                        }
                                    });
                            assertThat(done.get(30, TimeUnit.SECONDS).status()).isEqualTo(RunOutcome.Status.OK);
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> result : results) {
                result.get(); // rethrows a worker's failure
            }

            long known = IntStream.range(0, sessions)
                    .boxed()
                    .flatMap(s -> IntStream.range(0, perSession).mapToObj(i -> "s" + s + "-" + i))
                    .filter(runs::known)
                    .count();
            assertThat(runs.retained()).isEqualTo(cap);
            assertThat(known).isEqualTo(cap);
            assertThat(model.requests()).hasSize(sessions * perSession);
        }
    }
}
