package openclaw.openai;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The text of a Chat Completions message {@code content}: a string, or an array of content parts whose text parts are
 * joined by newlines. Agents take text only, so image, audio and file parts get a 400 rather than being dropped
 * silently. Stateless.
 */
final class ChatContent {

    private ChatContent() {}

    /**
     * The content's text.
     *
     * @param content a string or an array of parts
     * @param param the content's parameter path for errors, e.g. {@code messages[2].content}
     * @param assistant whether {@code refusal} parts are allowed (they carry no text for the model)
     */
    static String text(JsonNode content, String param, boolean assistant) {
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            throw JsonBody.wrongType(param, "a string or an array of content parts", content);
        }
        if (content.size() == 1) {
            return part(content.get(0), param + "[0]", assistant);
        }
        StringBuilder text = new StringBuilder();
        for (int j = 0; j < content.size(); j++) {
            String t = part(content.get(j), param + "[" + j + "]", assistant);
            if (t.isEmpty()) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(t);
        }
        return text.toString();
    }

    private static String part(JsonNode part, String param, boolean assistant) {
        if (!part.isObject()) {
            throw JsonBody.wrongType(param, "an object", part);
        }
        String type = ChatConversation.requiredString(part, "type", param);
        switch (type) {
            case "text" -> {
                return ChatConversation.requiredString(part, "text", param);
            }
            case "refusal" -> {
                if (assistant) {
                    return "";
                }
            }
            case "image_url", "input_audio", "file" ->
                throw ApiError.invalid(
                        param + ".type",
                        "Content parts of type '" + type + "' are not supported by OpenClaw's Chat Completions"
                                + " endpoint: agents take text only. Send 'text' parts.");
            default -> {}
        }
        throw ApiError.invalid(
                param + ".type",
                "Invalid value: '" + type + "'. Supported content part types: 'text'"
                        + (assistant ? " and 'refusal'." : "."));
    }
}
