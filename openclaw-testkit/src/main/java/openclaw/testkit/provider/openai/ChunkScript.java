package openclaw.testkit.provider.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the SSE body of one streamed Chat Completions turn the way OpenAI sends it (protocols.md section 2.1): every
 * chunk has the same {@code id}, {@code object:"chat.completion.chunk"}, {@code created}, {@code model} and {@code
 * system_fingerprint}, one choice with {@code index}, {@code delta}, {@code logprobs} and {@code finish_reason}, and
 * {@code usage:null} until the usage chunk with {@code choices:[]}; content chunks carry an {@code obfuscation}
 * padding field as OpenAI's do. One script per turn, used by one thread.
 */
final class ChunkScript {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final String PAD = "k3Vq9ZpR0xLm7TbW";

    private final String id;
    private final String model;
    private final List<String> events = new ArrayList<>();

    ChunkScript(String id, String model) {
        this.id = id;
        this.model = model;
    }

    /** The opening chunk: {@code delta:{role:"assistant",content:""}}. */
    ChunkScript role() {
        ObjectNode delta = JSON.createObjectNode().put("role", "assistant").put("content", "");
        delta.putNull("refusal");
        return choice(delta, "", false);
    }

    /** A content delta (with an {@code obfuscation} field). */
    ChunkScript text(String text) {
        return choice(JSON.createObjectNode().put("content", text), "", true);
    }

    /** A reasoning delta in {@code field} ({@code reasoning_content} for vLLM and DeepSeek, {@code reasoning} for
     * Ollama and OpenRouter). */
    ChunkScript reasoning(String field, String text) {
        ObjectNode delta = JSON.createObjectNode().put(field, text);
        delta.putNull("content");
        return choice(delta, "", true);
    }

    /** The first fragment of a tool call: index, id, type and name, empty arguments. */
    ChunkScript toolCallStart(int index, String callId, String name) {
        ObjectNode call =
                JSON.createObjectNode().put("index", index).put("id", callId).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", "");
        ObjectNode delta = JSON.createObjectNode();
        if (index == 0) {
            delta.put("role", "assistant");
            delta.putNull("content");
        }
        delta.putArray("tool_calls").add(call);
        return choice(delta, "", false);
    }

    /** A later fragment of a tool call: only the index and a piece of the arguments. */
    ChunkScript toolCallArguments(int index, String piece) {
        ObjectNode call = JSON.createObjectNode().put("index", index);
        call.putObject("function").put("arguments", piece);
        ObjectNode delta = JSON.createObjectNode();
        delta.putArray("tool_calls").add(call);
        return choice(delta, "", true);
    }

    /** The final choice chunk: empty delta and a finish reason. */
    ChunkScript finish(String reason) {
        return choice(JSON.createObjectNode(), reason, false);
    }

    /** The usage chunk: {@code choices:[]} and the token counts. */
    ChunkScript usage(long prompt, long completion, long cached) {
        ObjectNode chunk = base();
        chunk.putArray("choices");
        ObjectNode usage = chunk.putObject("usage");
        usage.put("prompt_tokens", prompt)
                .put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
        usage.putObject("prompt_tokens_details").put("cached_tokens", cached).put("audio_tokens", 0);
        usage.putObject("completion_tokens_details")
                .put("reasoning_tokens", 0)
                .put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0)
                .put("rejected_prediction_tokens", 0);
        chunk.put("obfuscation", PAD.substring(0, 5));
        return raw(chunk.toString());
    }

    /** A mid-stream error object, as OpenAI's SDKs expect it: a {@code data:} object with an {@code error} key. */
    ChunkScript error(String type, String code, String message) {
        ObjectNode chunk = JSON.createObjectNode();
        ObjectNode error = chunk.putObject("error");
        error.put("message", message).put("type", type);
        error.putNull("param");
        error.put("code", code);
        return raw(chunk.toString());
    }

    /** Any {@code data:} payload, verbatim. */
    ChunkScript raw(String data) {
        events.add("data: " + data + "\n\n");
        return this;
    }

    /** Any SSE text, verbatim (comments, odd framing). */
    ChunkScript verbatim(String sse) {
        events.add(sse);
        return this;
    }

    /** The end marker {@code data: [DONE]}. */
    ChunkScript done() {
        return raw("[DONE]");
    }

    /** The SSE events so far, one string per event. */
    List<String> events() {
        return List.copyOf(events);
    }

    private ChunkScript choice(ObjectNode delta, String finishReason, boolean obfuscate) {
        ObjectNode chunk = base();
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finishReason.isEmpty()) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        chunk.putNull("usage");
        if (obfuscate) {
            chunk.put("obfuscation", PAD.substring(0, 1 + events.size() % PAD.length()));
        }
        return raw(chunk.toString());
    }

    private ObjectNode base() {
        return JSON.createObjectNode()
                .put("id", id)
                .put("object", "chat.completion.chunk")
                .put("created", 1_763_700_000L)
                .put("model", model)
                .put("service_tier", "default")
                .put("system_fingerprint", "fp_560af6e559");
    }
}
