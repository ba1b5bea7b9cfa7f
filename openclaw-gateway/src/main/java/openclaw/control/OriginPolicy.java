package openclaw.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Which browser origins may open the control socket (the WebSocket-hijacking class of bugs, CVE-2026-1134): an
 * upgrade without {@code Origin} (a native client) passes; one with an Origin passes only when it is the gateway's own
 * origin ({@code http://127.0.0.1:<port>}, {@code http://localhost:<port>}, {@code http://[::1]:<port>}, or the bound
 * address) or is listed in {@code [gateway.controlUi] allowedOrigins} ({@code "*"} allows any). The {@code Host}
 * header is never trusted: a DNS-rebinding page controls it. Loopback peers get no exception.
 */
final class OriginPolicy {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private final Supplier<List<String>> allowed;
    private final Supplier<String> bindHost;
    private final IntSupplier port;

    OriginPolicy(Supplier<List<String>> allowed, Supplier<String> bindHost, IntSupplier port) {
        this.allowed = allowed;
        this.bindHost = bindHost;
        this.port = port;
    }

    /** Empty when the upgrade may proceed, else why not. */
    Optional<String> refuse(Optional<String> origin) {
        if (origin.isEmpty()) {
            return Optional.empty();
        }
        String o = origin.get().strip();
        List<String> list = allowed.get();
        if (list.contains("*") || list.stream().anyMatch(a -> a.equalsIgnoreCase(o))) {
            return Optional.empty();
        }
        if (isOwn(o)) {
            return Optional.empty();
        }
        return Optional.of("origin not allowed: add it to [gateway.controlUi] allowedOrigins to let that page connect");
    }

    private boolean isOwn(String origin) {
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return false;
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            return false;
        }
        int originPort = uri.getPort() == -1 ? 80 : uri.getPort();
        if (originPort != port.getAsInt()) {
            return false;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String bound = bindHost.get();
        return LOOPBACK_HOSTS.contains(host)
                || !bound.equals("0.0.0.0") && !bound.equals("::") && host.equals(bound.toLowerCase(Locale.ROOT));
    }
}
