package openclaw.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.Optional;

/** An {@link ApiExchange} over one Helidon request, with the body already read. */
final class HelidonExchange implements ApiExchange {

    private final ServerRequest req;
    private final ServerResponse res;
    private final byte[] body;

    HelidonExchange(ServerRequest req, ServerResponse res, byte[] body) {
        this.req = req;
        this.res = res;
        this.body = body;
    }

    @Override
    public String method() {
        return req.prologue().method().text();
    }

    @Override
    public String path() {
        return req.path().path();
    }

    @Override
    public Optional<String> query(String name) {
        return req.query().first(name).asOptional();
    }

    @Override
    public Optional<String> header(String name) {
        return req.headers().first(HeaderNames.create(name));
    }

    @Override
    public byte[] body() {
        return body;
    }

    @Override
    public String remoteAddress() {
        SocketAddress address = req.remotePeer().address();
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress()
                : String.valueOf(address);
    }

    @Override
    public void respond(int status, Map<String, String> headers, byte[] content) {
        res.status(Status.create(status));
        headers.forEach(res::header);
        res.send(content);
    }

    @Override
    public OutputStream stream(int status, Map<String, String> headers) {
        res.status(Status.create(status));
        headers.forEach(res::header);
        return res.outputStream();
    }
}
