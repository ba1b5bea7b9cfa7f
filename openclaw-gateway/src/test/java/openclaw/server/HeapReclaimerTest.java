package openclaw.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeapReclaimerTest {

    private static final long MIB = 1L << 20;

    @Test
    void a_small_old_generation_is_left_alone_until_it_grew_by_the_minimum() {
        assertThat(HeapReclaimer.due(15 * MIB, 0)).isFalse();
        assertThat(HeapReclaimer.due(16 * MIB, 0)).isTrue();
        assertThat(HeapReclaimer.due(40 * MIB, 30 * MIB)).isFalse();
        assertThat(HeapReclaimer.due(46 * MIB, 30 * MIB)).isTrue();
    }

    @Test
    void a_large_old_generation_must_grow_by_a_quarter_before_it_is_collected() {
        assertThat(HeapReclaimer.due(230 * MIB, 200 * MIB)).isFalse();
        assertThat(HeapReclaimer.due(250 * MIB, 200 * MIB)).isTrue();
    }

    @Test
    void an_old_generation_that_shrank_is_not_collected() {
        assertThat(HeapReclaimer.due(10 * MIB, 100 * MIB)).isFalse();
    }

    @Test
    void only_the_serial_collector_gets_a_reclaimer() {
        assertThat(HeapReclaimer.isSerial(List.of("Copy", "MarkSweepCompact"))).isTrue();
        assertThat(HeapReclaimer.isSerial(List.of("G1 Young Generation", "G1 Concurrent GC", "G1 Old Generation")))
                .isFalse();
        assertThat(HeapReclaimer.isSerial(List.of("ZGC Cycles", "ZGC Pauses"))).isFalse();
    }
}
