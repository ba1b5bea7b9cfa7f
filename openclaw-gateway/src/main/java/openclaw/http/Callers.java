package openclaw.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import openclaw.auth.GatewayAuth;

/**
 * Who is calling: a direct loopback caller (same host, no proxy in between) or a caller presenting the gateway token.
 * Probes show details only to these "trusted" callers, as OpenClaw does.
 */
final class Callers {

    private final GatewayAuth auth;

    Callers(GatewayAuth auth) {
        this.auth = auth;
    }

    /** A loopback peer that did not come through a proxy (no forwarding headers). */
    static boolean isLoopbackDirect(ServerRequest req) {
        SocketAddress address = req.remotePeer().address();
        if (!(address instanceof InetSocketAddress inet) || inet.getAddress() == null) {
            return false;
        }
        if (!inet.getAddress().isLoopbackAddress()) {
            return false;
        }
        var headers = req.headers();
        return !headers.contains(HeaderNames.X_FORWARDED_FOR)
                && !headers.contains(HeaderNames.FORWARDED)
                && !headers.contains(HeaderNames.create("X-Real-IP"));
    }

    /** Presents the gateway token as a Bearer credential (always true when auth mode is none). */
    boolean isAuthenticated(ServerRequest req) {
        return auth.authorizeHeader(req.headers().first(HeaderNames.AUTHORIZATION));
    }

    /** Loopback-direct or authenticated. */
    boolean isTrusted(ServerRequest req) {
        return isLoopbackDirect(req) || isAuthenticated(req);
    }
}
