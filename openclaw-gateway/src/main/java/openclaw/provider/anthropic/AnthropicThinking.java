package openclaw.provider.anthropic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import openclaw.sdk.provider.ThinkingLevel;

/**
 * Maps OpenClaw's {@link ThinkingLevel} onto the Anthropic request fields {@code thinking}, {@code output_config} and
 * {@code max_tokens} (protocols.md sections 6.6, 6.7 and 7). Stateless.
 *
 * <ul>
 *   <li><b>Claude 4.6</b> (model name contains {@code 4-6} or {@code 4.6}): {@code DEFAULT} and {@code ADAPTIVE} send
 *       {@code thinking:{type:"adaptive"}}; {@code LOW} and {@code HIGH} send adaptive plus {@code
 *       output_config:{effort:"low"|"high"}}; {@code OFF} sends no thinking field.
 *   <li><b>Claude 4.7 and 4.8</b> reject {@code type:"enabled"}: they map like 4.6 except that {@code DEFAULT} keeps
 *       thinking off, as OpenClaw does for them.
 *   <li><b>Other reasoning models</b> (claude-3-7, claude-sonnet-4, claude-opus-4, claude-haiku-4-5, …): {@code
 *       thinking:{type:"enabled", budget_tokens:N}} with N = 1024 for {@code LOW}, {@code ADAPTIVE} and {@code DEFAULT}
 *       ("other reasoning-capable models keep the low setting") and 16000 for {@code HIGH}. The budget must stay below
 *       {@code max_tokens}: when the requested limit is not above it, {@code max_tokens} becomes budget + requested
 *       limit, so the visible answer keeps its room. {@code OFF} sends nothing.
 *   <li><b>Models without reasoning</b> (claude-3-5-*, claude-3-haiku, anything unrecognised): nothing is sent.
 * </ul>
 */
final class AnthropicThinking {

    /** The smallest budget the API accepts. */
    static final int LOW_BUDGET = 1024;

    /** The budget for {@link ThinkingLevel#HIGH} on budget-based models. */
    static final int HIGH_BUDGET = 16_000;

    private AnthropicThinking() {}

    /** How a model family takes thinking settings. */
    enum Family {
        /** Claude 4.6: adaptive, on by default. */
        ADAPTIVE_DEFAULT_ON,
        /** Claude 4.7 and 4.8: adaptive only, off unless asked for. */
        ADAPTIVE_DEFAULT_OFF,
        /** Claude 3.7 and 4.0 to 4.5: {@code type:"enabled"} with a token budget. */
        BUDGET,
        /** No extended thinking. */
        NONE
    }

    static Family family(String model) {
        String m = model.toLowerCase(Locale.ROOT);
        if (m.contains("4-6") || m.contains("4.6")) {
            return Family.ADAPTIVE_DEFAULT_ON;
        }
        if (m.matches(".*(4[-.][78]).*")) {
            return Family.ADAPTIVE_DEFAULT_OFF;
        }
        if (m.matches(".*claude-(3[-.]7|(opus|sonnet|haiku)-4|4).*")) {
            return Family.BUDGET;
        }
        return Family.NONE;
    }

    /**
     * Writes {@code max_tokens}, and {@code thinking} / {@code output_config} where the level asks for them, into the
     * request body.
     */
    static void apply(ObjectNode body, String model, ThinkingLevel level, int maxOutputTokens) {
        Family family = family(model);
        switch (family) {
            case ADAPTIVE_DEFAULT_ON, ADAPTIVE_DEFAULT_OFF -> {
                body.put("max_tokens", maxOutputTokens);
                boolean on = level != ThinkingLevel.OFF
                        && !(level == ThinkingLevel.DEFAULT && family == Family.ADAPTIVE_DEFAULT_OFF);
                if (on) {
                    body.putObject("thinking").put("type", "adaptive");
                }
                // Effort "high" is the API's default, but an explicit HIGH is sent so the choice is visible.
                if (level == ThinkingLevel.LOW || level == ThinkingLevel.HIGH) {
                    body.putObject("output_config").put("effort", level == ThinkingLevel.LOW ? "low" : "high");
                }
            }
            case BUDGET -> {
                if (level == ThinkingLevel.OFF) {
                    body.put("max_tokens", maxOutputTokens);
                    return;
                }
                int budget = level == ThinkingLevel.HIGH ? HIGH_BUDGET : LOW_BUDGET;
                body.put("max_tokens", maxOutputTokens > budget ? maxOutputTokens : budget + maxOutputTokens);
                body.putObject("thinking").put("type", "enabled").put("budget_tokens", budget);
            }
            case NONE -> body.put("max_tokens", maxOutputTokens);
        }
    }
}
