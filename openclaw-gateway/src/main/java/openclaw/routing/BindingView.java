package openclaw.routing;

import java.util.Objects;
import openclaw.store.Binding;

/**
 * A stored binding as listings show it: {@code research-bot → whatsapp-personal (active)}. Active means its channel
 * account is configured and enabled (see {@link ChannelAccount#active}); a binding whose agent is not defined in
 * config is still listed, marked so, because routing skips it.
 *
 * @param binding the stored binding
 * @param target its channel account
 * @param active whether the channel account is configured and enabled
 * @param agentDefined whether the config defines the agent
 */
public record BindingView(Binding binding, ChannelAccount target, boolean active, boolean agentDefined) {

    public BindingView {
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(target, "target");
    }

    /** The bound agent. */
    public String agentId() {
        return binding.agentId();
    }

    /** {@code active} or {@code inactive}. */
    public String status() {
        return active ? "active" : "inactive";
    }

    /** E.g. {@code research-bot → whatsapp-personal (active)} or {@code support → telegram (inactive)}. */
    public String line() {
        return agentId() + " → " + target.target() + " (" + status() + (agentDefined ? "" : ", agent not in config")
                + ")";
    }
}
