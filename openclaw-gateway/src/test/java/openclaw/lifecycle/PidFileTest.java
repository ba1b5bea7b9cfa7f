package openclaw.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @TempDir
    Path tmp;

    @Test
    void round_trips_and_is_live_for_this_process() {
        Path file = tmp.resolve("state/gateway.pid");
        PidFile card =
                new PidFile(ProcessHandle.current().pid(), "127.0.0.1", 18789, Instant.parse("2026-01-01T00:00:00Z"));
        card.write(file);
        assertThat(PidFile.read(file)).contains(card);
        assertThat(PidFile.readLive(file)).contains(card);
    }

    @Test
    void a_card_of_a_dead_process_is_not_live() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        Path file = tmp.resolve("gateway.pid");
        new PidFile(p.pid(), "127.0.0.1", 1, Instant.now()).write(file);
        assertThat(PidFile.read(file)).isPresent();
        assertThat(PidFile.readLive(file)).isEmpty();
    }

    @Test
    void only_the_owner_deletes_its_card_and_garbage_is_ignored() throws Exception {
        Path file = tmp.resolve("gateway.pid");
        PidFile mine = new PidFile(ProcessHandle.current().pid(), "h", 1, Instant.now());
        mine.write(file);
        new PidFile(1, "h", 1, Instant.now()).deleteIfOurs(file);
        assertThat(file).exists();
        mine.deleteIfOurs(file);
        assertThat(file).doesNotExist();
        Files.writeString(file, "not a pid file");
        assertThat(PidFile.read(file)).isEmpty();
    }
}
