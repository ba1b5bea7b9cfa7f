package openclaw.server;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import openclaw.http.SocketEndpoint;

/**
 * A socket endpoint registered when the listener starts but served only once storage is open: until then upgrades are
 * refused, so the listener can start in parallel with opening storage.
 */
final class DeferredSocket implements SocketEndpoint {

    private final String path;
    private final AtomicReference<SocketEndpoint> target = new AtomicReference<>();

    DeferredSocket(String path) {
        this.path = path;
    }

    void ready(SocketEndpoint endpoint) {
        target.set(endpoint);
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Optional<String> refuse(Upgrade upgrade) {
        SocketEndpoint t = target.get();
        return t == null ? Optional.of("the gateway is starting; retry in a moment") : t.refuse(upgrade);
    }

    @Override
    public Optional<Refusal> refusal(Upgrade upgrade, InetSocketAddress remote) {
        SocketEndpoint t = target.get();
        return t == null ? Optional.empty() : t.refusal(upgrade, remote);
    }

    @Override
    public Handler open(Upgrade upgrade, InetSocketAddress remote, Outbound out) {
        return target.get().open(upgrade, remote, out);
    }
}
