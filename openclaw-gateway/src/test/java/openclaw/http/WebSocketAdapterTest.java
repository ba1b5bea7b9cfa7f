package openclaw.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.socket.PeerInfo;
import io.helidon.common.socket.SocketContext;
import io.helidon.websocket.WsSession;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The adapter's close is final on the wire: a send racing with {@code close} (an RPC answer while the gateway shuts
 * down) must not put a text frame after the close frame, which browsers treat as a protocol error ("Data frame
 * received after close").
 */
class WebSocketAdapterTest {

    /** Records what the adapter writes to the socket, in order. */
    static final class RecordingSession implements WsSession {
        final List<String> writes = new CopyOnWriteArrayList<>();

        @Override
        public WsSession send(String text, boolean last) {
            writes.add("text");
            return this;
        }

        @Override
        public WsSession send(BufferData bufferData, boolean last) {
            writes.add("binary");
            return this;
        }

        @Override
        public WsSession ping(BufferData bufferData) {
            writes.add("ping");
            return this;
        }

        @Override
        public WsSession pong(BufferData bufferData) {
            writes.add("pong");
            return this;
        }

        @Override
        public WsSession close(int code, String reason) {
            writes.add("close");
            return this;
        }

        @Override
        public WsSession terminate() {
            writes.add("terminate");
            return this;
        }

        @Override
        public SocketContext socketContext() {
            PeerInfo peer = (PeerInfo) Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {PeerInfo.class},
                    (p, m, a) -> m.getName().equals("address") ? new InetSocketAddress("127.0.0.1", 1) : null);
            return (SocketContext) Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {SocketContext.class},
                    (p, m, a) -> m.getName().endsWith("Peer") ? peer : null);
        }
    }

    @Test
    void no_text_frame_follows_the_close_frame_when_sends_race_with_close() throws Exception {
        int failures = 0;
        for (int round = 0; round < 1000; round++) {
            AtomicReference<SocketEndpoint.Outbound> out = new AtomicReference<>();
            SocketEndpoint endpoint = new SocketEndpoint() {
                @Override
                public String path() {
                    return "/";
                }

                @Override
                public Optional<String> refuse(Upgrade upgrade) {
                    return Optional.empty();
                }

                @Override
                public Handler open(Upgrade upgrade, InetSocketAddress remote, Outbound outbound) {
                    out.set(outbound);
                    return new Handler() {
                        @Override
                        public void onText(String message) {}

                        @Override
                        public int maxMessageBytes() {
                            return 1 << 16;
                        }

                        @Override
                        public void onClose(int code, String reason) {}
                    };
                }
            };
            WebSocketAdapter adapter;
            try (SocketKeepalive keepalive = new SocketKeepalive(SocketKeepalive.Policy.DEFAULT)) {
                adapter = new WebSocketAdapter(endpoint, keepalive);
            }
            RecordingSession session = new RecordingSession();
            adapter.onOpen(session);
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> senders = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                senders.add(Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    while (out.get().send("x")) {
                        Thread.onSpinWait();
                    }
                }));
            }
            go.countDown();
            out.get().close(1012, "bye");
            for (Thread t : senders) {
                t.join();
            }
            List<String> writes = session.writes;
            if (writes.indexOf("close") != writes.size() - 1) {
                failures++;
            }
        }
        assertThat(failures).as("rounds with a frame after the close frame").isZero();
    }
}
