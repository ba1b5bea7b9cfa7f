package openclaw.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PostgresUnreachableTest {

    @Test
    void unreachable_server_is_named_by_host_port_and_database_without_the_password() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/openclaw?user=oc&password=hunter2&connectTimeout=2";

        assertThatThrownBy(() -> Store.open(StoreSettings.of(url)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("127.0.0.1:" + port + "/openclaw")
                .hasMessageContaining("Start the server")
                .hasMessageNotContaining("hunter2");
    }
}
