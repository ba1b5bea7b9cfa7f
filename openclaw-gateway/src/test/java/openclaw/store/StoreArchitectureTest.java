package openclaw.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class StoreArchitectureTest {

    @Test
    void store_is_a_leaf_depending_only_on_the_sdk_and_jdbc_libraries() {
        JavaClasses store = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("openclaw.store");

        classes()
                .that()
                .resideInAPackage("openclaw.store..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "javax.sql..",
                        "openclaw.store..",
                        "openclaw.sdk..",
                        "com.zaxxer.hikari..",
                        "org.flywaydb.core..",
                        "org.sqlite..")
                .check(store);
    }
}
