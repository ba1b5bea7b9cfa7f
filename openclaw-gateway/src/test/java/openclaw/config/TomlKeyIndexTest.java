package openclaw.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TomlKeyIndexTest {

    private static final String TEXT = """
            top = 1 # comment
            a.b."c.d" = 'x'
            note = \"""
            [not.a.table]
            fake = 1
            \"""
            lit = '''
            [also.not]'''
            list = [
              "one", # comment ]
              [2, 3],
            ]
            [gateway]
              port = 18789
            auth = { mode = "token", nested = { deep = true } }
            [[agents]]
            name = "a"
            [[agents]]
            name = "b"
            [agents.model]
            id = "m"
            "quoted key" = 2
            """;

    private final TomlKeyIndex index = TomlKeyIndex.of(TEXT);

    private int[] at(String path) {
        return index.position(path);
    }

    @Test
    void finds_plain_dotted_and_quoted_keys() {
        assertThat(at("top")).containsExactly(1, 1);
        assertThat(at("a.b.\"c.d\"")).containsExactly(2, 1);
        assertThat(at("a.b")).containsExactly(2, 1);
        assertThat(at("gateway.port")).containsExactly(14, 3);
        assertThat(at("agents[1].model.\"quoted key\"")).containsExactly(22, 1);
    }

    @Test
    void skips_multi_line_strings_and_arrays() {
        assertThat(index.hasHeader("not.a.table")).isFalse();
        assertThat(index.key("fake")).isEmpty();
        assertThat(index.hasHeader("also.not")).isFalse();
        assertThat(at("lit")).containsExactly(7, 1);
        assertThat(at("list")).containsExactly(9, 1);
        assertThat(at("list[1]")).containsExactly(9, 1);
    }

    @Test
    void indexes_inline_tables_and_array_tables() {
        assertThat(at("gateway.auth.mode")).containsExactly(15, 10);
        assertThat(at("gateway.auth.nested.deep")).containsExactly(15, 37);
        assertThat(at("agents[0].name")).containsExactly(17, 1);
        assertThat(at("agents[1].name")).containsExactly(19, 1);
        assertThat(at("agents[1].model.id")).containsExactly(21, 1);
    }

    @Test
    void unknown_paths_fall_back_to_the_nearest_written_ancestor() {
        assertThat(at("gateway.nope")).containsExactly(13, 1);
        assertThat(at("nothing.here")).containsExactly(0, 0);
    }

    @Test
    void records_value_spans() {
        TomlKeyIndex.Entry port = index.key("gateway.port").orElseThrow();

        assertThat(TEXT.substring(port.valueStart(), port.valueEnd())).isEqualTo("18789");
        TomlKeyIndex.Entry top = index.key("top").orElseThrow();
        assertThat(TEXT.substring(top.valueStart(), top.valueEnd())).isEqualTo("1");
    }

    @Test
    void survives_malformed_text() {
        TomlKeyIndex broken = TomlKeyIndex.of("[gateway\nport = \"x\n= = =\n[[");

        assertThat(broken.position("gateway.port")).containsExactly(0, 0);
    }
}
