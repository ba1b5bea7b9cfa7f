package openclaw.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SharedValuesTest {

    private final SharedValues shared = new SharedValues();

    @Test
    void equal_strings_from_different_clients_become_one_instance() {
        String first = shared.text(new String("operator"));
        String second = shared.text(new String("operator"));

        assertThat(second).isSameAs(first).isEqualTo("operator");
    }

    @Test
    void equal_scope_lists_become_one_unmodifiable_list_of_shared_strings() {
        List<String> first = shared.list(new ArrayList<>(List.of(new String("operator.read"), "operator.write")));
        List<String> second = shared.list(new ArrayList<>(List.of(new String("operator.read"), "operator.write")));

        assertThat(second).isSameAs(first).containsExactly("operator.read", "operator.write");
        assertThat(second.get(0)).isSameAs(shared.text(new String("operator.read")));
        assertThatThrownBy(() -> second.add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equal_sets_are_shared_and_a_list_never_answers_for_a_set() {
        Set<String> caps = shared.set(new LinkedHashSet<>(List.of("tool-events")));
        List<String> list = shared.list(List.of("tool-events"));

        assertThat(shared.set(Set.of(new String("tool-events")))).isSameAs(caps);
        assertThat(list).isNotSameAs(caps).containsExactly("tool-events");
    }

    @Test
    void long_values_are_not_kept() {
        String longText = "v".repeat(SharedValues.MAX_CHARS + 1);

        String first = shared.text(longText);
        String second = shared.text(new String(longText));

        assertThat(first).isSameAs(longText);
        assertThat(second).isNotSameAs(first).isEqualTo(first);
    }

    @Test
    void once_full_new_values_are_returned_as_they_are_and_known_ones_still_shared() {
        String early = shared.text("early");
        for (int i = 0; i < SharedValues.MAX_VALUES; i++) {
            shared.text("junk-" + i);
        }

        String late = new String("late");
        assertThat(shared.text(late)).isSameAs(late);
        assertThat(shared.text(new String("late"))).isNotSameAs(late);
        assertThat(shared.text(new String("early"))).isSameAs(early);
    }
}
