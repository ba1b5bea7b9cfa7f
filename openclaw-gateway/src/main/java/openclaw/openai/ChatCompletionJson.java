package openclaw.openai;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import openclaw.chat.RunOutcome;
import openclaw.sdk.provider.StreamEvent;

/**
 * Writes {@code chat.completion} objects and the pieces of {@code chat.completion.chunk} events straight from a run's
 * outcome with a streaming generator, without building JSON trees (this is the API's hot path). Stateless.
 */
final class ChatCompletionJson {

    /** Generators neither close nor flush the stream they write to: the caller frames and flushes SSE events. */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
            .build();

    /**
     * What every chunk of one completion repeats.
     *
     * @param id {@code chatcmpl-…}
     * @param created seconds since the epoch
     * @param model the request's model, echoed
     */
    record Head(String id, long created, String model) {}

    private ChatCompletionJson() {}

    /** A generator on {@code out}. */
    static JsonGenerator generator(OutputStream out) throws IOException {
        return FACTORY.createGenerator(out);
    }

    /** The non-streamed answer for a run that ended {@code OK} or {@code TOOL_CALLS}. */
    static byte[] completion(Head head, RunOutcome outcome) {
        ByteArrayOutputStream buf =
                new ByteArrayOutputStream(384 + 2 * outcome.text().length());
        try (JsonGenerator g = generator(buf)) {
            g.writeStartObject();
            g.writeStringField("id", head.id());
            g.writeStringField("object", "chat.completion");
            g.writeNumberField("created", head.created());
            g.writeStringField("model", head.model());
            g.writeArrayFieldStart("choices");
            g.writeStartObject();
            g.writeNumberField("index", 0);
            g.writeObjectFieldStart("message");
            g.writeStringField("role", "assistant");
            boolean tools = !outcome.toolCalls().isEmpty();
            if (tools && outcome.text().isEmpty()) {
                g.writeNullField("content");
            } else {
                g.writeStringField("content", outcome.text());
            }
            g.writeNullField("refusal");
            if (tools) {
                g.writeArrayFieldStart("tool_calls");
                for (StreamEvent.ToolCall call : outcome.toolCalls()) {
                    toolCall(g, -1, call);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeNullField("logprobs");
            g.writeStringField("finish_reason", finishReason(outcome));
            g.writeEndObject();
            g.writeEndArray();
            g.writeFieldName("usage");
            usage(g, outcome);
            g.writeNullField("system_fingerprint");
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
        return buf.toByteArray();
    }

    /** {@code tool_calls}, {@code length} for a run cut off by the output cap, else {@code stop}. */
    static String finishReason(RunOutcome outcome) {
        if (outcome.status() == RunOutcome.Status.TOOL_CALLS) {
            return "tool_calls";
        }
        return outcome.stopReason().equals("max_tokens") ? "length" : "stop";
    }

    /** One tool call; {@code index} ≥ 0 adds the {@code index} streamed fragments carry. */
    static void toolCall(JsonGenerator g, int index, StreamEvent.ToolCall call) throws IOException {
        g.writeStartObject();
        if (index >= 0) {
            g.writeNumberField("index", index);
        }
        g.writeStringField("id", call.callId());
        g.writeStringField("type", "function");
        g.writeObjectFieldStart("function");
        g.writeStringField("name", call.toolName());
        g.writeStringField("arguments", call.argumentsJson());
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The {@code usage} object of a run. */
    static void usage(JsonGenerator g, RunOutcome outcome) throws IOException {
        g.writeStartObject();
        g.writeNumberField("prompt_tokens", outcome.inputTokens());
        g.writeNumberField("completion_tokens", outcome.outputTokens());
        g.writeNumberField("total_tokens", outcome.inputTokens() + outcome.outputTokens());
        g.writeObjectFieldStart("prompt_tokens_details");
        g.writeNumberField("cached_tokens", 0);
        g.writeEndObject();
        g.writeObjectFieldStart("completion_tokens_details");
        g.writeNumberField("reasoning_tokens", 0);
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The OpenAI error object {@code {"error":{message,type,param,code}}}, as a mid-stream SSE payload. */
    static void error(JsonGenerator g, ApiError error) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("error");
        g.writeStringField("message", error.getMessage());
        g.writeStringField("type", error.type());
        g.writeStringField("param", error.param().orElse(null));
        g.writeStringField("code", error.code().orElse(null));
        g.writeEndObject();
        g.writeEndObject();
    }
}
