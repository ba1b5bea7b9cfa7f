package openclaw.sdk.tool;

import openclaw.sdk.provider.ToolSpec;

/**
 * A tool an agent can offer to its model. Implementations are thread-safe; {@link #invoke} runs on the agent's
 * virtual thread and may block.
 */
public interface Tool {

    /**
     * The name, description and argument schema shown to the model.
     *
     * @return the spec
     */
    ToolSpec spec();

    /**
     * Runs the tool.
     *
     * @param argumentsJson the model's arguments, already checked to be a JSON object
     * @param context the calling turn
     * @return the result for the model
     */
    ToolOutcome invoke(String argumentsJson, ToolContext context);
}
