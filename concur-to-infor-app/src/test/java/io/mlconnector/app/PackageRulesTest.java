package io.mlconnector.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The app's package rules, checked on the compiled main classes: the sandbox (the simulated Concur and Infor) is for
 * the demo launcher only, so the production code paths never reach it even though the jar carries it; and the
 * configuration is a leaf the store builds on, never the other way round.
 */
class PackageRulesTest {
    private static JavaClasses app;

    @BeforeAll
    static void importMainClasses() {
        app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.mlconnector.app");
    }

    @Test
    void onlyTheDemoPackageUsesTheSandbox() {
        noClasses().that().resideInAPackage("io.mlconnector.app..")
                .and().resideOutsideOfPackage("io.mlconnector.app.demo..")
                .should().dependOnClassesThat().resideInAPackage("io.mlconnector.sandbox..")
                .check(app);
    }

    @Test
    void theConfigurationDoesNotDependOnTheStore() {
        noClasses().that().resideInAPackage("io.mlconnector.app.config..")
                .should().dependOnClassesThat().resideInAPackage("io.mlconnector.app.store..")
                .check(app);
    }
}
