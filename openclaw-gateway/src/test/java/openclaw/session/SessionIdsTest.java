package openclaw.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionIdsTest {

    @Test
    void ids_are_version_7_uuids_carrying_the_current_time() {
        long before = System.currentTimeMillis();
        UUID id = SessionIds.next();
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        long millis = id.getMostSignificantBits() >>> 16;
        assertThat(millis).isBetween(before, after + 1); // +1: a counter overflow borrows the next millisecond
    }

    @Test
    void each_id_sorts_after_the_previous_one_as_text_and_none_repeats() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) { // more than 4096 per millisecond: the counter overflows into the next
            ids.add(SessionIds.next().toString());
        }
        assertThat(ids).isSorted();
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
    }

    @Test
    void ids_from_concurrent_threads_are_all_distinct() throws Exception {
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 8; t++) {
                threads.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        ids.add(SessionIds.next().toString());
                    }
                });
            }
        }
        assertThat(new HashSet<>(ids)).hasSize(16_000);
    }
}
