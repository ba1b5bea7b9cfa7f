package openclaw.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import openclaw.sdk.OpenClawException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {

    @TempDir
    Path tmp;

    @Test
    void creates_missing_directories_owner_only() {
        Path dir = SecretFiles.ensurePrivateDirectory(tmp.resolve("a/b/c"));
        assertThat(dir).isDirectory();
        assertThat(SecretFiles.mode(dir)).isEqualTo("rwx------");
        assertThat(SecretFiles.mode(tmp.resolve("a"))).isEqualTo("rwx------");
    }

    @Test
    void writes_files_owner_only_and_replaces_atomically() throws Exception {
        Path file = tmp.resolve("creds/token");
        SecretFiles.writePrivate(file, "one");
        SecretFiles.writePrivate(file, "two");
        assertThat(Files.readString(file)).isEqualTo("two");
        assertThat(SecretFiles.mode(file)).isEqualTo("rw-------");
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void names_the_path_when_a_directory_cannot_be_created() throws Exception {
        Path blocker = Files.writeString(tmp.resolve("plain-file"), "x");
        Path wanted = blocker.resolve("state");
        assertThatThrownBy(() -> SecretFiles.ensurePrivateDirectory(wanted))
                .isInstanceOf(OpenClawException.class)
                .hasMessageContaining(wanted.toString())
                .hasMessageContaining("OPENCLAW_HOME");
        assertThat(Files.readString(blocker)).isEqualTo("x");
    }
}
