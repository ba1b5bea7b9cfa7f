package openclaw.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import openclaw.agent.TurnInput;
import openclaw.sdk.provider.ChatMessage;
import openclaw.sdk.provider.StreamEvent;
import org.junit.jupiter.api.Test;

class ResponseItemsTest {

    private static ResponseItems.Turn turn(String inputJson) throws Exception {
        return ResponseItems.turn(ResponseItems.parse(ApiResponses.MAPPER.readTree(inputJson)));
    }

    @Test
    void a_string_is_one_user_message_with_no_history() throws Exception {
        ResponseItems.Turn t = turn("\"hello\"");

        assertThat(t.input()).isEqualTo(new TurnInput.Message("hello"));
        assertThat(t.seed()).isEmpty();
        assertThat(t.instructions()).isEmpty();
    }

    @Test
    void history_before_the_trailing_outputs_seeds_the_session_with_text_and_calls_in_one_answer() throws Exception {
        ResponseItems.Turn t = turn("""
                [{"role":"system","content":"Be kind."},
                 {"role":"user","content":[{"type":"input_text","text":"weather?"}]},
                 {"type":"message","role":"assistant","content":[{"type":"output_text","text":"Checking."}]},
                 {"type":"function_call","call_id":"a","name":"w","arguments":"{}"},
                 {"type":"function_call","call_id":"b","name":"w","arguments":"{\\"n\\":2}"},
                 {"type":"reasoning","id":"rs_1","summary":[]},
                 {"type":"function_call_output","call_id":"a","output":"sun"},
                 {"type":"function_call_output","call_id":"b","output":[{"type":"input_text","text":"rain"}]}]""");

        assertThat(t.instructions()).containsExactly("Be kind.");
        assertThat(t.seed())
                .containsExactly(
                        new ChatMessage.User("weather?"),
                        new ChatMessage.Assistant(
                                "Checking.",
                                List.of(
                                        new StreamEvent.ToolCall("a", "w", "{}"),
                                        new StreamEvent.ToolCall("b", "w", "{\"n\":2}")),
                                List.of()));
        assertThat(t.input())
                .isEqualTo(new TurnInput.ToolResults(List.of(
                        new ChatMessage.ToolResult("a", "", "sun", false),
                        new ChatMessage.ToolResult("b", "", "rain", false))));
    }

    @Test
    void trailing_user_messages_are_joined_into_one_turn() throws Exception {
        ResponseItems.Turn t = turn("""
                [{"role":"user","content":"one"},{"role":"assistant","content":"two"},
                 {"role":"user","content":"three"},{"role":"user","content":"four"}]""");

        assertThat(t.input()).isEqualTo(new TurnInput.Message("three\n\nfour"));
        assertThat(t.seed()).containsExactly(new ChatMessage.User("one"), ChatMessage.Assistant.text("two"));
    }

    @Test
    void items_get_ids_for_listing_and_keep_given_ones() throws Exception {
        List<ResponseItems.Item> items = ResponseItems.parse(ApiResponses.MAPPER.readTree("""
                [{"id":"msg_given","role":"user","content":"x"},
                 {"type":"function_call_output","call_id":"c","output":"y"}]"""));

        assertThat(ResponseItems.json(items).findValuesAsText("id"))
                .hasSize(2)
                .first()
                .isEqualTo("msg_given");
        assertThat(ResponseItems.json(items).get(1).path("id").asText()).startsWith("fco_");
        assertThat(ResponseItems.json(items).get(0).at("/content/0/type").asText())
                .isEqualTo("input_text");
    }

    @Test
    void input_ending_with_an_answer_or_holding_only_instructions_is_refused() {
        assertThatThrownBy(() ->
                        turn("[{\"role\":\"user\",\"content\":\"q\"},{\"role\":\"assistant\",\"content\":\"a\"}]"))
                .isInstanceOfSatisfying(
                        ApiError.class, e -> assertThat(e.param()).contains("input"));
        assertThatThrownBy(() -> turn("[{\"role\":\"developer\",\"content\":\"only rules\"}]"))
                .isInstanceOfSatisfying(
                        ApiError.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> turn("[{\"role\":\"robot\",\"content\":\"x\"}]"))
                .isInstanceOfSatisfying(
                        ApiError.class, e -> assertThat(e.param()).contains("input[0].role"));
        assertThatThrownBy(() -> turn("[{\"type\":\"function_call_output\",\"output\":\"x\"}]"))
                .isInstanceOfSatisfying(
                        ApiError.class, e -> assertThat(e.param()).contains("input[0].call_id"));
        assertThatThrownBy(() -> turn("[\"text\"]")).isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.param())
                .contains("input[0]"));
    }
}
