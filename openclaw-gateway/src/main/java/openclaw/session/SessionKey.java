package openclaw.session;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import openclaw.store.SessionStore;

/**
 * A session key, as stored and as sent by clients. Two shapes carry meaning, as in OpenClaw:
 *
 * <ul>
 *   <li>{@code agent:<agentId>:main}: the agent's main session, used by WebChat and the CLI;
 *   <li>{@code agent:<agentId>:<channel>:<peer>[:<thread>]}: one conversation on a channel. Everything after the peer
 *       is the thread, e.g. OpenClaw's {@code :topic:<id>} and {@code :thread:<id>} suffixes. A peer has no colon,
 *       except OpenClaw's kinds {@code direct:<id>}, {@code dm:<id>}, {@code group:<id>} and {@code channel:<id>}.
 * </ul>
 *
 * Any other non-empty key of at most {@value SessionStore#MAX_KEY_LENGTH} characters (e.g. from an API client) is
 * valid too; it just has no channel, so the {@code [session]} defaults apply. The key text is the identity: parsing
 * never rewrites it, and {@link #toString()} returns it unchanged. Immutable.
 *
 * @param value the key text
 */
public record SessionKey(String value) {

    /** The last segment of an agent's main key. */
    public static final String MAIN = "main";

    private static final String AGENT = "agent";

    /** OpenClaw peer kinds that take the next segment as the peer's id, e.g. {@code group:-100123}. */
    private static final Set<String> PEER_KINDS = Set.of("direct", "dm", "group", "channel");

    /**
     * Validates the key.
     *
     * @throws SessionException ({@link SessionException.Reason#INVALID_KEY}) for an empty or over-long key
     */
    public SessionKey {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw SessionException.invalidKey("a session key must not be empty");
        }
        if (value.length() > SessionStore.MAX_KEY_LENGTH) {
            throw SessionException.invalidKey(
                    "a session key has at most " + SessionStore.MAX_KEY_LENGTH + " characters, got " + value.length());
        }
    }

    /**
     * The key for {@code text}, which is kept exactly.
     *
     * @throws SessionException ({@link SessionException.Reason#INVALID_KEY}) for an empty or over-long key
     */
    public static SessionKey parse(String text) {
        return new SessionKey(text);
    }

    /** {@code agent:<agentId>:main}. */
    public static SessionKey main(String agentId) {
        checkSegment("agent id", agentId);
        return new SessionKey(AGENT + ":" + agentId + ":" + MAIN);
    }

    /**
     * {@code agent:<agentId>:<channel>:<peer>[:<thread>]}; {@link #parse} of its text returns these parts again.
     *
     * @throws SessionException ({@link SessionException.Reason#INVALID_KEY}) when a part is empty or contains a colon
     *     (a peer may be {@code <kind>:<id>} for OpenClaw's kinds), or the channel is {@code main}
     */
    public static SessionKey of(String agentId, String channel, String peer, Optional<String> thread) {
        checkSegment("agent id", agentId);
        checkSegment("channel", channel);
        if (channel.equals(MAIN)) {
            throw SessionException.invalidKey("'main' is not a channel name: agent:<id>:main is the main session");
        }
        checkPeer(peer);
        if (thread.isPresent() && thread.get().isEmpty()) {
            throw SessionException.invalidKey("a session key's thread must not be empty");
        }
        return new SessionKey(String.join(":", AGENT, agentId, channel, peer)
                + thread.map(t -> ":" + t).orElse(""));
    }

    /** The agent named by an {@code agent:<agentId>:…} key. */
    public Optional<String> agentId() {
        return parts().agentId();
    }

    /** True for exactly {@code agent:<agentId>:main}. */
    public boolean isMain() {
        return parts().main();
    }

    /** The channel of an {@code agent:<agentId>:<channel>:<peer>…} key. */
    public Optional<String> channel() {
        return parts().channel();
    }

    /** The peer of an {@code agent:<agentId>:<channel>:<peer>…} key. */
    public Optional<String> peer() {
        return parts().peer();
    }

    /** Everything after the peer (or after {@code agent:<agentId>:main}), e.g. {@code thread:1}. */
    public Optional<String> thread() {
        return parts().thread();
    }

    @Override
    public String toString() {
        return value;
    }

    /** {@code key}, shortened for an error message. */
    static String abbreviate(String key) {
        return key.length() <= 120 ? key : key.substring(0, 120) + "…";
    }

    /** The meaning of the key text; computed on demand (keys are short) so the record holds only the text. */
    private record Parts(
            Optional<String> agentId,
            Optional<String> channel,
            Optional<String> peer,
            Optional<String> thread,
            boolean main) {

        static final Parts OPAQUE =
                new Parts(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    private Parts parts() {
        String[] s = value.split(":", -1);
        if (s.length < 3 || !s[0].equals(AGENT) || s[1].isEmpty()) {
            return Parts.OPAQUE;
        }
        Optional<String> agent = Optional.of(s[1]);
        if (s[2].equals(MAIN)) {
            // OpenClaw appends thread suffixes to the main key too, e.g. agent:main:main:thread:42
            return new Parts(agent, Optional.empty(), Optional.empty(), rest(s, 3), s.length == 3);
        }
        int peerEnd = s.length >= 5 && PEER_KINDS.contains(s[3]) ? 5 : 4;
        if (s.length < peerEnd || s[2].isEmpty() || Arrays.stream(s, 3, peerEnd).anyMatch(String::isEmpty)) {
            return new Parts(agent, Optional.empty(), Optional.empty(), Optional.empty(), false);
        }
        String peer = String.join(":", Arrays.copyOfRange(s, 3, peerEnd));
        return new Parts(agent, Optional.of(s[2]), Optional.of(peer), rest(s, peerEnd), false);
    }

    private static Optional<String> rest(String[] segments, int from) {
        return from >= segments.length
                ? Optional.empty()
                : Optional.of(String.join(":", Arrays.copyOfRange(segments, from, segments.length)))
                        .filter(t -> !t.isEmpty());
    }

    private static void checkSegment(String what, String segment) {
        Objects.requireNonNull(segment, what);
        if (segment.isBlank() || segment.indexOf(':') >= 0) {
            throw SessionException.invalidKey("a session key's " + what + " must be non-blank and without ':', got '"
                    + abbreviate(segment) + "'");
        }
    }

    private static void checkPeer(String peer) {
        Objects.requireNonNull(peer, "peer");
        int colon = peer.indexOf(':');
        if (colon < 0) {
            checkSegment("peer", peer);
            if (PEER_KINDS.contains(peer)) {
                throw SessionException.invalidKey("a session key's peer '" + peer + "' needs an id: " + peer + ":<id>");
            }
            return;
        }
        String kind = peer.substring(0, colon);
        String id = peer.substring(colon + 1);
        if (!PEER_KINDS.contains(kind) || id.isBlank() || id.indexOf(':') >= 0) {
            throw SessionException.invalidKey("a session key's peer must have no ':' unless it is one of "
                    + "direct:<id>, dm:<id>, group:<id> or channel:<id>, got '" + abbreviate(peer) + "'");
        }
    }
}
