package openclaw.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import openclaw.agent.TurnInput;
import openclaw.sdk.provider.ChatMessage;
import openclaw.sdk.provider.StreamEvent;
import openclaw.sdk.provider.ThinkingLevel;
import openclaw.sdk.provider.ToolSpec;
import org.junit.jupiter.api.Test;

class ChatCompletionRequestTest {

    private static ChatCompletionRequest parse(String json) {
        return ChatCompletionRequest.parse(
                JsonBody.parse(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8)));
    }

    private static final String TOOL_CALL =
            "{'role':'assistant','content':null,'tool_calls':[{'id':'c1','type':'function',"
                    + "'function':{'name':'get_weather','arguments':'{}'}},{'id':'c2','type':'function',"
                    + "'function':{'name':'get_time','arguments':'{}'}}]}";

    @Test
    void the_last_user_message_is_the_input_and_what_came_before_is_the_seed() {
        ChatCompletionRequest r = parse("{'model':'openclaw','messages':[{'role':'system','content':'A'},"
                + "{'role':'user','content':'one'},{'role':'assistant','content':'two'},"
                + "{'role':'developer','content':'B'},{'role':'user','content':'three'}]}");

        assertThat(r.input()).isEqualTo(new TurnInput.Message("three"));
        assertThat(r.options().seed()).containsExactly(new ChatMessage.User("one"), ChatMessage.Assistant.text("two"));
        assertThat(r.options().instructions()).contains("A\n\nB");
        assertThat(r.stream()).isFalse();
        assertThat(r.user()).isEmpty();
    }

    @Test
    void trailing_tool_messages_are_the_input_and_earlier_ones_keep_their_tool_names() {
        ChatCompletionRequest r = parse("{'model':'openclaw','messages':[{'role':'user','content':'go'},"
                + TOOL_CALL + ",{'role':'tool','tool_call_id':'c1','content':'sunny'},"
                + "{'role':'tool','tool_call_id':'c2','content':[{'type':'text','text':'noon'}]}]}");

        assertThat(r.input())
                .isEqualTo(new TurnInput.ToolResults(List.of(
                        new ChatMessage.ToolResult("c1", "get_weather", "sunny", false),
                        new ChatMessage.ToolResult("c2", "get_time", "noon", false))));
        assertThat(r.options().seed())
                .containsExactly(
                        new ChatMessage.User("go"),
                        new ChatMessage.Assistant(
                                "",
                                List.of(
                                        new StreamEvent.ToolCall("c1", "get_weather", "{}"),
                                        new StreamEvent.ToolCall("c2", "get_time", "{}")),
                                List.of()));
    }

    @Test
    void a_tool_message_alone_continues_a_stored_session() {
        ChatCompletionRequest r =
                parse("{'model':'openclaw','messages':[{'role':'tool','tool_call_id':'c9','content':'x'}]}");

        assertThat(r.input())
                .isEqualTo(new TurnInput.ToolResults(List.of(new ChatMessage.ToolResult("c9", "", "x", false))));
        assertThat(r.options().seed()).isEmpty();
    }

    @Test
    void tools_become_client_tools_unless_tool_choice_is_none() {
        String tools = "'tools':[{'type':'function','function':{'name':'get_weather'}}]";
        ChatCompletionRequest r = parse("{'model':'m'," + tools + ",'messages':[{'role':'user','content':'x'}]}");
        assertThat(r.options().clientTools()).containsExactly(new ToolSpec("get_weather", "", ChatTools.NO_PARAMETERS));

        ChatCompletionRequest none =
                parse("{'model':'m'," + tools + ",'tool_choice':'none','messages':[{'role':'user','content':'x'}]}");
        assertThat(none.options().clientTools()).isEmpty();
    }

    @Test
    void max_completion_tokens_wins_over_max_tokens_and_reasoning_effort_sets_thinking() {
        ChatCompletionRequest r = parse("{'model':'m','max_tokens':50,'max_completion_tokens':20,"
                + "'reasoning_effort':'high','messages':[{'role':'user','content':'x'}]}");
        assertThat(r.options().maxOutputTokens()).contains(20);
        assertThat(r.thinking()).contains(ThinkingLevel.HIGH);

        ChatCompletionRequest legacy =
                parse("{'model':'m','max_tokens':50,'messages':[{'role':'user','content':'x'}]}");
        assertThat(legacy.options().maxOutputTokens()).contains(50);
        assertThat(legacy.thinking()).isEqualTo(Optional.empty());
    }

    @Test
    void stream_options_need_stream_and_include_usage_is_read() {
        ChatCompletionRequest r = parse("{'model':'m','stream':true,'stream_options':{'include_usage':true},"
                + "'messages':[{'role':'user','content':'x'}]}");
        assertThat(r.stream()).isTrue();
        assertThat(r.includeUsage()).isTrue();

        assertThatThrownBy(
                        () -> parse(
                                "{'model':'m','stream_options':{'include_usage':true},'messages':[{'role':'user','content':'x'}]}"))
                .isInstanceOfSatisfying(
                        ApiError.class, e -> assertThat(e.param()).contains("stream_options"));
    }

    @Test
    void refusal_parts_of_assistant_messages_are_skipped_but_refused_elsewhere() {
        ChatCompletionRequest r = parse("{'model':'m','messages':[{'role':'user','content':'a'},"
                + "{'role':'assistant','content':[{'type':'refusal','refusal':'no'},{'type':'text','text':'ok'}]},"
                + "{'role':'user','content':'b'}]}");
        assertThat(r.options().seed()).contains(ChatMessage.Assistant.text("ok"));

        assertThatThrownBy(() -> parse(
                        "{'model':'m','messages':[{'role':'user','content':[{'type':'refusal','refusal':'no'}]}]}"))
                .isInstanceOfSatisfying(
                        ApiError.class, e -> assertThat(e.param()).contains("messages[0].content[0].type"));
    }
}
