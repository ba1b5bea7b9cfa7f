package openclaw.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import openclaw.config.ConfigLoader;
import openclaw.config.LoadResult;
import openclaw.config.OpenClawConfig;
import openclaw.config.SessionConfig;
import openclaw.store.Store;
import openclaw.store.StoreSettings;
import openclaw.store.TranscriptEntry;
import openclaw.testkit.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionServiceTest {

    static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
    static final String MAIN = "agent:main:main";

    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at(T0);
    private final AtomicReference<OpenClawConfig> config = new AtomicReference<>(OpenClawConfig.DEFAULTS);
    private Store store;
    private SessionService service;

    @BeforeEach
    void open() {
        store = openStore();
        service = new SessionService(store.sessions(), store.transcripts(), config::get, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Store openStore() {
        Store s = Store.open(new StoreSettings("jdbc:sqlite:" + tmp.resolve("state.sqlite"), clock));
        s.migrate();
        return s;
    }

    static OpenClawConfig config(String toml) {
        return ((LoadResult.Loaded) ConfigLoader.parse(toml, Map.of())).config();
    }

    private void say(String key, String text) {
        store.transcripts().append(key, "user", "{\"text\":\"" + text + "\"}");
    }

    private static List<String> texts(List<TranscriptEntry> entries) {
        return entries.stream()
                .map(e -> e.content().replaceAll(".*\"text\":\"([^\"]*)\".*", "$1"))
                .toList();
    }

    @Test
    void open_creates_a_session_with_the_default_policy() {
        SessionView view = service.open(MAIN, "main");

        assertThat(view.key()).isEqualTo(MAIN);
        assertThat(view.agentId()).isEqualTo("main");
        assertThat(view.policy()).isEqualTo(SessionConfig.DEFAULTS);
        assertThat(view.expiresAt()).contains(T0.plus(Duration.ofHours(24)));
        assertThat(view.expired()).isFalse();
        assertThat(view.renewed()).isFalse();
        assertThat(view.messages()).isZero();
        assertThat(service.find(MAIN)).contains(view);
    }

    @Test
    void an_idle_session_starts_a_fresh_conversation_on_the_next_open() {
        service.open(MAIN, "main");
        say(MAIN, "one");
        say(MAIN, "two");
        clock.advance(Duration.ofHours(23).plusMinutes(59));
        assertThat(service.open(MAIN, "main").renewed()).isFalse();
        say(MAIN, "three");
        clock.advance(Duration.ofHours(24));

        assertThat(service.find(MAIN).orElseThrow().expired()).isTrue();
        SessionView renewed = service.open(MAIN, "main");

        assertThat(renewed.renewed()).isTrue();
        assertThat(renewed.expired()).isFalse();
        assertThat(renewed.messages()).isZero();
        assertThat(renewed.session().segmentStartedAt()).isEqualTo(clock.instant());
        assertThat(service.history(MAIN, 100)).isEmpty();
        assertThat(texts(store.transcripts().read(MAIN, 0, 100))).containsExactly("one", "two", "three");
        assertThat(service.open(MAIN, "main").renewed()).isFalse();
    }

    @Test
    void the_maximum_age_ends_a_conversation_that_never_went_idle() {
        config.set(config("""
                [session]
                idleHours = 2
                maxAgeHours = 5
                """));
        service.open(MAIN, "main");
        for (int hour = 1; hour < 5; hour++) {
            clock.advance(Duration.ofHours(1));
            assertThat(service.open(MAIN, "main").renewed()).as("hour %d", hour).isFalse();
            say(MAIN, "hour " + hour);
        }
        assertThat(service.find(MAIN).orElseThrow().expiresAt()).contains(T0.plus(Duration.ofHours(5)));

        clock.advance(Duration.ofHours(1));

        SessionView view = service.open(MAIN, "main");
        assertThat(view.renewed()).isTrue();
        assertThat(view.expiresAt()).contains(clock.instant().plus(Duration.ofHours(2)));
    }

    @Test
    void a_channel_thread_override_applies_to_thread_keys_only() {
        config.set(config("""
                [session]
                idleHours = 1

                [channels.discord.threads]
                idleHours = 24
                maxAgeHours = 168
                """));
        String thread = "agent:x:discord:peer:thread:1";
        String direct = "agent:x:discord:peer";
        service.open(thread, "x");
        service.open(direct, "x");

        assertThat(service.policy(thread)).isEqualTo(new SessionConfig(24, 168));
        assertThat(service.policy(direct)).isEqualTo(new SessionConfig(1, 0));
        assertThat(service.policy("agent:x:telegram:peer:topic:1")).isEqualTo(new SessionConfig(1, 0));
        clock.advance(Duration.ofHours(2));
        assertThat(service.open(thread, "x").renewed()).isFalse();
        assertThat(service.open(direct, "x").renewed()).isTrue();
        for (int hour = 20; hour < 168; hour += 20) {
            clock.set(T0.plus(Duration.ofHours(hour)));
            assertThat(service.open(thread, "x").renewed()).as("hour %d", hour).isFalse();
            say(thread, "hour " + hour);
        }
        assertThat(service.find(thread).orElseThrow().expiresAt()).contains(T0.plus(Duration.ofHours(168)));
        clock.set(T0.plus(Duration.ofHours(168)));
        assertThat(service.open(thread, "x").renewed()).isTrue();
    }

    @Test
    void zero_turns_both_limits_off() {
        config.set(config("""
                [session]
                idleHours = 0
                maxAgeHours = 0
                """));
        service.open(MAIN, "main");
        clock.advance(Duration.ofDays(3650));

        SessionView view = service.open(MAIN, "main");

        assertThat(view.expiresAt()).isEmpty();
        assertThat(view.renewed()).isFalse();
        assertThat(view.policySummary()).isEqualTo("idle off, max age off");
    }

    @Test
    void a_reloaded_policy_applies_to_the_next_call() {
        service.open(MAIN, "main");
        clock.advance(Duration.ofHours(3));
        assertThat(service.find(MAIN).orElseThrow().expired()).isFalse();

        config.set(config("[session]\nidleHours = 2\n"));

        assertThat(service.find(MAIN).orElseThrow().expired()).isTrue();
        assertThat(service.open(MAIN, "main").renewed()).isTrue();
    }

    @Test
    void reset_keeps_old_rows_stored_but_the_history_empty() {
        service.open(MAIN, "main");
        say(MAIN, "old");
        clock.advance(Duration.ofMinutes(5));

        SessionView reset = service.reset(MAIN);

        assertThat(reset.messages()).isZero();
        assertThat(reset.renewed()).isFalse();
        assertThat(reset.session().historyFrom()).isEqualTo(1);
        assertThat(service.history(MAIN, 10)).isEmpty();
        assertThat(store.transcripts().read(MAIN, 0, 10)).hasSize(1);
        say(MAIN, "new");
        assertThat(texts(service.history(MAIN, 10))).containsExactly("new");
        assertThat(service.find(MAIN).orElseThrow().messages()).isEqualTo(1);
    }

    @Test
    void extend_moves_both_deadlines_and_keeps_the_conversation() {
        config.set(config("[session]\nidleHours = 2\nmaxAgeHours = 3\n"));
        service.open(MAIN, "main");
        say(MAIN, "kept");
        clock.advance(Duration.ofMinutes(150));
        assertThat(service.find(MAIN).orElseThrow().expired()).isTrue();

        SessionView extended = service.extend(MAIN);

        assertThat(extended.expired()).isFalse();
        assertThat(extended.expiresAt()).contains(clock.instant().plus(Duration.ofHours(2)));
        assertThat(service.open(MAIN, "main").renewed()).isFalse();
        assertThat(texts(service.history(MAIN, 10))).containsExactly("kept");
    }

    @Test
    void reset_and_extend_of_an_unknown_session_fail_as_not_found() {
        for (Runnable call : List.<Runnable>of(() -> service.reset("agent:main:nope"), () -> service.extend("nope"))) {
            assertThatThrownBy(call::run)
                    .isInstanceOfSatisfying(SessionException.class, e -> assertThat(e.reason())
                            .isEqualTo(SessionException.Reason.NOT_FOUND))
                    .hasMessageContaining("no session");
        }
        assertThat(service.find("agent:main:nope")).isEmpty();
        assertThat(service.history("agent:main:nope", 10)).isEmpty();
    }

    @Test
    void history_returns_the_last_entries_of_the_current_conversation_in_order() {
        service.open(MAIN, "main");
        say(MAIN, "before reset");
        service.reset(MAIN);
        for (int i = 1; i <= 5; i++) {
            say(MAIN, "m" + i);
        }

        assertThat(texts(service.history(MAIN, 3))).containsExactly("m3", "m4", "m5");
        assertThat(texts(service.history(MAIN, 100))).containsExactly("m1", "m2", "m3", "m4", "m5");
        assertThat(service.history(MAIN, 0)).isEmpty();
        assertThatThrownBy(() -> service.history(MAIN, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void list_filters_by_agent_and_reports_expiry_without_changing_anything() {
        service.open("agent:a:main", "a");
        clock.advance(Duration.ofHours(25));
        service.open("agent:b:main", "b");

        List<SessionView> all = service.list(10, Optional.empty());

        assertThat(all).extracting(SessionView::key).containsExactly("agent:b:main", "agent:a:main");
        assertThat(all).extracting(SessionView::expired).containsExactly(false, true);
        assertThat(service.list(10, Optional.of("a")))
                .extracting(SessionView::key)
                .containsExactly("agent:a:main");
        assertThat(service.find("agent:a:main").orElseThrow().expired()).isTrue();
    }

    @Test
    void delete_removes_the_session_and_its_transcript() {
        service.open(MAIN, "main");
        say(MAIN, "x");

        assertThat(service.delete(MAIN)).isTrue();
        assertThat(service.delete(MAIN)).isFalse();
        assertThat(service.find(MAIN)).isEmpty();
        assertThat(store.transcripts().count(MAIN)).isZero();
    }

    @Test
    void concurrent_opens_of_an_expired_session_start_one_fresh_conversation() throws Exception {
        service.open(MAIN, "main");
        say(MAIN, "old");
        clock.advance(Duration.ofDays(2));

        List<Future<SessionView>> opens = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 16; i++) {
                opens.add(executor.submit(() -> service.open(MAIN, "main")));
            }
        }

        long renewed = 0;
        for (Future<SessionView> open : opens) {
            renewed += open.get().renewed() ? 1 : 0;
        }
        assertThat(renewed).isEqualTo(1);
    }

    @Test
    void closing_and_reopening_the_store_loses_nothing() {
        service.open(MAIN, "main");
        say(MAIN, "first conversation");
        service.reset(MAIN);
        say(MAIN, "second conversation");
        clock.advance(Duration.ofMinutes(10));
        service.extend(MAIN);
        SessionView before = service.find(MAIN).orElseThrow();
        store.close();

        store = openStore();
        service = new SessionService(store.sessions(), store.transcripts(), config::get, clock);

        assertThat(service.find(MAIN)).contains(before);
        assertThat(texts(service.history(MAIN, 10))).containsExactly("second conversation");
        assertThat(texts(store.transcripts().read(MAIN, 0, 10)))
                .containsExactly("first conversation", "second conversation");
        assertThat(service.open(MAIN, "main").renewed()).isFalse();
    }
}
