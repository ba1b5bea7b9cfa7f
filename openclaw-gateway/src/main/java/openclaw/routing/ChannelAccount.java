package openclaw.routing;

import java.util.Objects;
import openclaw.config.ChannelAccountConfig;
import openclaw.config.ChannelConfig;
import openclaw.config.OpenClawConfig;

/**
 * What a binding routes: one account of a channel ({@code [channels.whatsapp.accounts.whatsapp-personal]}) or, with an
 * empty account id, the whole channel. Written on the command line and in listings as
 *
 * <ul>
 *   <li>{@code whatsapp-personal}: the account name alone when it starts with its channel type and a hyphen (so it
 *       says which channel it belongs to, as in OpenClaw's {@code --account whatsapp-main});
 *   <li>{@code telegram:default}: {@code channel:account} for any other name (OpenClaw's {@code --bind} form);
 *   <li>{@code telegram}: the whole channel ({@code telegram:*} is accepted too).
 * </ul>
 *
 * @param channel a channel type of {@link ChannelConfig#TYPES}
 * @param accountId the account name, {@code ""} for the whole channel
 */
public record ChannelAccount(String channel, String accountId) {

    /** The account id that stands for every account of the channel. */
    public static final String WHOLE_CHANNEL = "";

    public ChannelAccount {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(accountId, "accountId");
    }

    /** Every account of {@code channel}. */
    public static ChannelAccount wholeChannel(String channel) {
        return new ChannelAccount(channel, WHOLE_CHANNEL);
    }

    /** True for a binding of the whole channel. */
    public boolean isWholeChannel() {
        return accountId.isEmpty();
    }

    /** The {@code --bind} form: {@code telegram} or {@code telegram:ops}. */
    public String spec() {
        return isWholeChannel() ? channel : channel + ":" + accountId;
    }

    /** How listings show it: {@code whatsapp-personal}, {@code telegram:default} or {@code telegram}. */
    public String target() {
        return !isWholeChannel() && accountId.startsWith(channel + "-") ? accountId : spec();
    }

    /** The config table of the account, e.g. {@code [channels.telegram.accounts.ops]} (or the channel's table). */
    public String table() {
        return isWholeChannel()
                ? "[channels." + channel + "]"
                : "[channels." + channel + ".accounts." + accountId + "]";
    }

    /**
     * True when the config has this account and it is enabled; for the whole channel, when the channel has any enabled
     * account. A binding that is not active is kept and turns active once the account is configured.
     */
    public boolean active(OpenClawConfig config) {
        ChannelConfig c = config.channels().get(channel);
        if (c == null) {
            return false;
        }
        if (isWholeChannel()) {
            return c.accounts().values().stream().anyMatch(ChannelAccountConfig::enabled);
        }
        ChannelAccountConfig account = c.accounts().get(accountId);
        return account != null && account.enabled();
    }

    /**
     * Parses the {@code --bind} form {@code channel[:account]}; {@code channel} and {@code channel:*} mean the whole
     * channel.
     *
     * @throws RoutingException ({@code BAD_TARGET}) for an unknown channel type or a malformed account name
     */
    public static ChannelAccount parse(String spec) {
        int colon = spec.indexOf(':');
        String channel = colon < 0 ? spec : spec.substring(0, colon);
        String account = colon < 0 ? WHOLE_CHANNEL : spec.substring(colon + 1);
        checkType(channel, "in \"" + spec + "\"");
        if (account.equals("*")) {
            account = WHOLE_CHANNEL;
        } else if (colon >= 0) {
            checkAccountName(account);
        }
        return new ChannelAccount(channel, account);
    }

    /** Throws {@code BAD_TARGET} naming the known types (and the closest one) unless {@code type} is known. */
    static void checkType(String type, String where) {
        if (ChannelConfig.TYPES.contains(type)) {
            return;
        }
        String hint = ChannelConfig.suggestType(type)
                .map(s -> " (did you mean \"" + s + "\"?)")
                .orElse("");
        throw new RoutingException(
                RoutingException.Reason.BAD_TARGET,
                "unknown channel type \"" + type + "\"" + (where.isEmpty() ? "" : " " + where) + hint
                        + "; known types: " + String.join(", ", ChannelConfig.TYPES));
    }

    /** Throws {@code BAD_TARGET} unless {@code name} is a valid account name. */
    static void checkAccountName(String name) {
        if (!ChannelConfig.ACCOUNT_NAME.matcher(name).matches()) {
            throw new RoutingException(
                    RoutingException.Reason.BAD_TARGET,
                    "invalid account name \"" + name + "\": use 1-64 letters, digits, '-' or '_'");
        }
    }
}
