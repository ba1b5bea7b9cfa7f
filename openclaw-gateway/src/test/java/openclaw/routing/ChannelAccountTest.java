package openclaw.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChannelAccountTest {

    @Test
    void the_bind_form_names_a_channel_and_optionally_an_account() {
        assertThat(ChannelAccount.parse("telegram:ops")).isEqualTo(new ChannelAccount("telegram", "ops"));
        assertThat(ChannelAccount.parse("telegram")).isEqualTo(ChannelAccount.wholeChannel("telegram"));
        assertThat(ChannelAccount.parse("telegram:*")).isEqualTo(ChannelAccount.wholeChannel("telegram"));
    }

    @Test
    void an_unknown_channel_type_gets_a_did_you_mean_and_the_known_types() {
        assertThatThrownBy(() -> ChannelAccount.parse("telgram:ops"))
                .isInstanceOfSatisfying(RoutingException.class, e -> assertThat(e.reason())
                        .isEqualTo(RoutingException.Reason.BAD_TARGET))
                .hasMessageContaining(
                        "unknown channel type \"telgram\" in \"telgram:ops\" (did you mean \"telegram\"?)")
                .hasMessageContaining("known types: webchat, telegram");
        assertThatThrownBy(() -> ChannelAccount.parse("telegram:a.b")).hasMessageContaining("invalid account name");
        assertThatThrownBy(() -> ChannelAccount.parse("telegram:")).hasMessageContaining("invalid account name");
    }

    @Test
    void listings_show_a_self_describing_name_alone_and_other_names_with_their_channel() {
        assertThat(new ChannelAccount("whatsapp", "whatsapp-personal").target()).isEqualTo("whatsapp-personal");
        assertThat(new ChannelAccount("telegram", "default").target()).isEqualTo("telegram:default");
        assertThat(new ChannelAccount("telegram", "whatsapp-x").target()).isEqualTo("telegram:whatsapp-x");
        assertThat(ChannelAccount.wholeChannel("telegram").target()).isEqualTo("telegram");
    }
}
