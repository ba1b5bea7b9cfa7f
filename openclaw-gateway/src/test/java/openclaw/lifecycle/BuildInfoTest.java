package openclaw.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildInfoTest {

    @Test
    void version_line_has_the_openclaw_format() {
        BuildInfo build = BuildInfo.current();
        assertThat(build.version()).matches("\\d{4}\\.\\d+\\.\\d+.*");
        assertThat(build.versionLine()).isEqualTo("openclaw " + build.version() + " (" + build.gitSha() + ")");
        assertThat(build.gitSha()).doesNotContain("${");
    }
}
