package openclaw.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionKeyTest {

    @Test
    void the_main_key_names_its_agent_and_has_no_channel() {
        SessionKey key = SessionKey.parse("agent:research-bot:main");

        assertThat(key).isEqualTo(SessionKey.main("research-bot"));
        assertThat(key.toString()).isEqualTo("agent:research-bot:main");
        assertThat(key.isMain()).isTrue();
        assertThat(key.agentId()).contains("research-bot");
        assertThat(key.channel()).isEmpty();
        assertThat(key.peer()).isEmpty();
        assertThat(key.thread()).isEmpty();
    }

    @Test
    void a_channel_key_has_channel_and_peer_and_no_thread() {
        SessionKey key = SessionKey.parse("agent:main:telegram:123456");

        assertThat(key.isMain()).isFalse();
        assertThat(key.agentId()).contains("main");
        assertThat(key.channel()).contains("telegram");
        assertThat(key.peer()).contains("123456");
        assertThat(key.thread()).isEmpty();
    }

    @Test
    void everything_after_the_peer_is_the_thread() {
        assertThat(SessionKey.parse("agent:x:discord:peer:thread:1").thread()).contains("thread:1");
        assertThat(SessionKey.parse("agent:x:telegram:42:topic:7").thread()).contains("topic:7");
        assertThat(SessionKey.parse("agent:x:slack:U1:1712345678.000100").thread())
                .contains("1712345678.000100");
    }

    @Test
    void openclaw_peer_kinds_keep_their_id_in_the_peer() {
        SessionKey key = SessionKey.parse("agent:main:telegram:group:-100123:topic:5");

        assertThat(key.channel()).contains("telegram");
        assertThat(key.peer()).contains("group:-100123");
        assertThat(key.thread()).contains("topic:5");
        assertThat(SessionKey.parse("agent:main:discord:channel:99").thread()).isEmpty();
    }

    @Test
    void a_thread_of_the_main_key_keeps_it_without_a_channel() {
        SessionKey key = SessionKey.parse("agent:main:main:thread:42");

        assertThat(key.isMain()).isFalse();
        assertThat(key.channel()).isEmpty();
        assertThat(key.thread()).contains("thread:42");
    }

    @Test
    void keys_of_other_shapes_are_valid_but_have_no_channel() {
        for (String text : new String[] {"my-client-session", "agent:main", "agent::main", "agent:x:custom", "  "}) {
            SessionKey key = SessionKey.parse(text);
            assertThat(key.toString()).isEqualTo(text);
            assertThat(key.channel()).as(text).isEmpty();
            assertThat(key.thread()).as(text).isEmpty();
            assertThat(key.isMain()).as(text).isFalse();
        }
        assertThat(SessionKey.parse("my-client-session").agentId()).isEmpty();
        assertThat(SessionKey.parse("agent:x:custom").agentId()).contains("x");
    }

    @Test
    void factories_round_trip_through_parse() {
        SessionKey plain = SessionKey.of("main", "discord", "u1", Optional.empty());
        SessionKey threaded = SessionKey.of("main", "discord", "u1", Optional.of("thread:1"));
        SessionKey group = SessionKey.of("main", "telegram", "group:-100", Optional.of("topic:3"));

        assertThat(plain.toString()).isEqualTo("agent:main:discord:u1");
        assertThat(threaded.toString()).isEqualTo("agent:main:discord:u1:thread:1");
        for (SessionKey key : new SessionKey[] {plain, threaded, group}) {
            SessionKey parsed = SessionKey.parse(key.toString());
            assertThat(parsed).isEqualTo(key);
            assertThat(parsed.channel()).isEqualTo(key.channel());
        }
        assertThat(group.peer()).contains("group:-100");
        assertThat(group.thread()).contains("topic:3");
    }

    @Test
    void factories_reject_parts_that_would_not_parse_back() {
        assertThatThrownBy(() -> SessionKey.of("a:b", "discord", "u", Optional.empty()))
                .isInstanceOf(SessionException.class)
                .hasMessageContaining("agent id");
        assertThatThrownBy(() -> SessionKey.of("a", "", "u", Optional.empty())).hasMessageContaining("channel");
        assertThatThrownBy(() -> SessionKey.of("a", "main", "u", Optional.empty()))
                .hasMessageContaining("main");
        assertThatThrownBy(() -> SessionKey.of("a", "matrix", "@u:example.org", Optional.empty()))
                .hasMessageContaining("peer");
        assertThatThrownBy(() -> SessionKey.of("a", "telegram", "group", Optional.of("x")))
                .hasMessageContaining("needs an id");
        assertThatThrownBy(() -> SessionKey.of("a", "discord", "u", Optional.of("")))
                .hasMessageContaining("thread");
        assertThatThrownBy(() -> SessionKey.main(" ")).isInstanceOf(SessionException.class);
    }

    @Test
    void empty_and_over_long_keys_are_invalid() {
        assertThatThrownBy(() -> SessionKey.parse(""))
                .isInstanceOfSatisfying(SessionException.class, e -> assertThat(e.reason())
                        .isEqualTo(SessionException.Reason.INVALID_KEY));
        assertThat(SessionKey.parse("k".repeat(512)).value()).hasSize(512);
        assertThatThrownBy(() -> SessionKey.parse("k".repeat(513))).hasMessageContaining("512");
    }
}
