package openclaw.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Version and git commit of this build, read once from {@code openclaw/build.properties} (filtered by Maven at build
 * time). Cheap to load: no dependencies beyond the JDK, so {@code openclaw --version} stays fast.
 */
public record BuildInfo(String version, String gitSha) {

    private static final BuildInfo CURRENT = load();

    /** This build. */
    public static BuildInfo current() {
        return CURRENT;
    }

    /** {@code openclaw <version> (<git sha>)}, the {@code --version} line. */
    public String versionLine() {
        return "openclaw " + version + " (" + gitSha + ")";
    }

    private static BuildInfo load() {
        Properties props = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/openclaw/build.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown": a missing build stamp must not stop the CLI
        }
        return new BuildInfo(clean(props.getProperty("version")), clean(props.getProperty("sha")));
    }

    private static String clean(String value) {
        // An unfiltered "${...}" means the build had no git metadata.
        return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value.strip();
    }
}
