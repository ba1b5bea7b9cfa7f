package openclaw.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package dependency table of shared/docs/style.md section 2, as extended by this code base. Every package may
 * use {@code openclaw.sdk}; anything not listed here is forbidden.
 */
class ArchitectureTest {

    /** Feature package → the other openclaw packages it may use. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry(
                    "cli",
                    Set.of(
                            "config",
                            "server",
                            "lifecycle",
                            "auth",
                            "store",
                            "secrets",
                            "agent",
                            "routing",
                            "session",
                            "openai")),
            Map.entry(
                    "server",
                    Set.of(
                            "config",
                            "auth",
                            "http",
                            "lifecycle",
                            "logging",
                            "metrics",
                            "secrets",
                            "store",
                            "agent",
                            "provider",
                            "tool",
                            "session",
                            "chat",
                            "control",
                            "routing",
                            "openai")),
            Map.entry("http", Set.of("auth", "lifecycle", "metrics")),
            Map.entry("lifecycle", Set.of("secrets")),
            Map.entry("auth", Set.of("config", "secrets")),
            Map.entry("logging", Set.of("config", "secrets")),
            Map.entry("metrics", Set.of()),
            Map.entry("secrets", Set.of()),
            Map.entry("config", Set.of()),
            Map.entry("store", Set.of()),
            Map.entry("provider", Set.of()),
            Map.entry("tool", Set.of("store")),
            Map.entry("agent", Set.of("store", "tool")),
            Map.entry("session", Set.of("config", "store")),
            Map.entry("chat", Set.of("agent", "store")),
            Map.entry("control", Set.of("http", "auth", "chat", "config", "lifecycle", "session", "store", "agent")),
            Map.entry("routing", Set.of("config", "store")),
            Map.entry("openai", Set.of("http", "auth", "chat", "agent", "session", "store", "config")));

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("openclaw-testkit"))
                .importPackages("openclaw");
    }

    @Test
    void feature_packages_use_only_the_packages_the_table_allows() {
        ALLOWED.forEach((pkg, allowed) -> noClasses()
                .that()
                .resideInAPackage("openclaw." + pkg + "..")
                .should()
                .dependOnClassesThat(openclawPackageOutside(pkg, allowed))
                .because("style.md section 2: openclaw." + pkg + " may use only " + allowed)
                .check(classes));
    }

    @Test
    void every_package_is_in_the_table() {
        classes.stream()
                .map(JavaClass::getPackageName)
                .filter(p -> p.startsWith("openclaw.") && !p.startsWith("openclaw.sdk"))
                .map(p -> p.substring("openclaw.".length()).split("\\.")[0])
                .forEach(top -> org.assertj.core.api.Assertions.assertThat(ALLOWED)
                        .as("package openclaw.%s needs a row in the dependency table", top)
                        .containsKey(top));
    }

    @Test
    void packages_are_free_of_cycles() {
        slices().matching("openclaw.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void the_sdk_depends_on_nothing_of_the_gateway() {
        noClasses()
                .that()
                .resideInAPackage("openclaw.sdk..")
                .should()
                .dependOnClassesThat(openclawPackageOutside("sdk", Set.of()))
                .check(classes);
    }

    @Test
    void only_the_http_package_knows_the_web_server() {
        noClasses()
                .that()
                .resideOutsideOfPackage("openclaw.http..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.helidon.webserver..")
                .check(classes);
    }

    private static DescribedPredicate<JavaClass> openclawPackageOutside(String self, Set<String> allowed) {
        return DescribedPredicate.describe("openclaw packages other than " + self + " and " + allowed, c -> {
            String p = c.getPackageName();
            if (!p.startsWith("openclaw.")) {
                return false;
            }
            String top = p.substring("openclaw.".length()).split("\\.")[0];
            return !top.equals(self) && !top.equals("sdk") && !allowed.contains(top);
        });
    }
}
