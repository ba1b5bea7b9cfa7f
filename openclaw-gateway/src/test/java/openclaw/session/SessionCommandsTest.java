package openclaw.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import openclaw.config.OpenClawConfig;
import openclaw.store.Store;
import openclaw.store.StoreSettings;
import openclaw.testkit.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionCommandsTest {

    static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
    static final String KEY = "agent:x:discord:u1:thread:7";

    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at(T0);
    private final AtomicReference<OpenClawConfig> config = new AtomicReference<>(SessionServiceTest.config("""
            [channels.discord.threads]
            idleHours = 24
            maxAgeHours = 168
            """));
    private Store store;
    private SessionService service;
    private SessionCommands commands;

    @BeforeEach
    void open() {
        store = Store.open(new StoreSettings("jdbc:sqlite:" + tmp.resolve("s.sqlite"), clock));
        store.migrate();
        service = new SessionService(store.sessions(), store.transcripts(), config::get, clock);
        commands = new SessionCommands(service);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String handle(String text) {
        return commands.handle(KEY, "x", text).orElseThrow();
    }

    @Test
    void ordinary_messages_and_other_commands_are_not_handled() {
        for (String text :
                new String[] {"hello", "", "  ", "/think high", "/sessions", "/new model-x", "please /reset"}) {
            assertThat(commands.handle(KEY, "x", text)).as(text).isEmpty();
        }
        assertThat(service.find(KEY)).isEmpty();
    }

    @Test
    void status_reports_key_agent_messages_times_expiry_and_policy() {
        service.open(KEY, "x");
        store.transcripts().append(KEY, "user", "{\"text\":\"hi\"}");
        store.transcripts().append(KEY, "assistant", "{\"text\":\"hello\"}");
        clock.advance(Duration.ofHours(1));

        assertThat(handle("  /session status ")).isEqualTo("""
                Session agent:x:discord:u1:thread:7
                Agent: x
                Messages in this conversation: 2
                Started: 2026-05-01T08:00:00Z
                Last activity: 2026-05-01T08:00:00Z
                Expires: 2026-05-02T08:00:00Z
                Policy: idle 24 h, max age 168 h""");
    }

    @Test
    void status_of_an_expired_or_missing_session_says_what_happens_next() {
        assertThat(handle("/session status")).contains("has no messages yet").contains("idle 24 h, max age 168 h");
        assertThat(service.find(KEY)).isEmpty();

        service.open(KEY, "x");
        clock.advance(Duration.ofDays(2));

        assertThat(handle("/session status"))
                .contains("Expires: expired at 2026-05-02T08:00:00Z; the next message starts a new conversation");
    }

    @Test
    void status_says_never_when_the_policy_has_no_limits() {
        config.set(SessionServiceTest.config("[session]\nidleHours = 0\n"));
        service.open("agent:x:main", "x");

        assertThat(commands.handle("agent:x:main", "x", "/session status").orElseThrow())
                .contains("Expires: never")
                .contains("Policy: idle off, max age off");
    }

    @Test
    void reset_new_and_session_reset_start_a_new_conversation() {
        for (String text : new String[] {"/session reset", "/new", "/reset", "/RESET", "/reset@OpenClawBot"}) {
            service.open(KEY, "x");
            store.transcripts().append(KEY, "user", "{\"text\":\"" + text + "\"}");

            assertThat(handle(text)).as(text).startsWith("Started a new conversation.");
            assertThat(service.history(KEY, 10)).as(text).isEmpty();
        }
        assertThat(store.transcripts().count(KEY)).isEqualTo(5);
        assertThat(handle("/new"))
                .isEqualTo("Started a new conversation. The earlier 5 entries stay stored but no longer part of it.");
    }

    @Test
    void reset_after_one_entry_says_so_in_the_singular() {
        service.open(KEY, "x");
        store.transcripts().append(KEY, "user", "{\"text\":\"hi\"}");

        assertThat(handle("/reset"))
                .isEqualTo("Started a new conversation. The earlier entry stays stored but no longer part of it.");
    }

    @Test
    void reset_of_a_new_session_creates_it() {
        assertThat(handle("/session reset")).isEqualTo("Started a new conversation.");
        assertThat(service.find(KEY)).isPresent();
    }

    @Test
    void extend_renews_the_lifetime_and_reports_the_new_deadline() {
        service.open(KEY, "x");
        clock.advance(Duration.ofHours(23));

        assertThat(handle("/session extend"))
                .isEqualTo("Session extended: it now expires at 2026-05-03T07:00:00Z (idle 24 h, max age 168 h).");
        clock.advance(Duration.ofHours(23));
        assertThat(service.open(KEY, "x").renewed()).isFalse();
    }

    @Test
    void session_alone_or_with_an_unknown_subcommand_replies_with_usage() {
        assertThat(handle("/session")).isEqualTo(SessionCommands.USAGE);
        assertThat(handle("/session reset now")).isEqualTo(SessionCommands.USAGE);
        assertThat(handle("/session frobnicate"))
                .startsWith("Unknown /session command 'frobnicate'.")
                .contains("Usage");
        assertThat(service.find(KEY)).isEmpty();
    }
}
