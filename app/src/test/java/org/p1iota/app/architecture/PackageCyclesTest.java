package org.p1iota.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package structure of issue 13, as ArchUnit rules over the compiled classes: the IOTA library
 * ({@code org.p1iota.iota.*}) works without Camel and without the application; the library and the
 * components have no package cycles (each package its own slice, so {@code camel.iota} and
 * {@code camel.iota.tangle} count apart); the pairing code is a secret that pairing uses, never the
 * other way round.
 */
class PackageCyclesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.p1iota");
    }

    @Test
    void theIotaLibraryNeedsNeitherCamelNorTheComponentsNorTheApplication() {
        noClasses().that().resideInAPackage("org.p1iota.iota..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "org.p1iota.camel..", "org.p1iota.app..")
                .check(classes);
    }

    @Test
    void theLibraryAndTheComponentsHaveNoPackageCycles() {
        slices().matching("org.p1iota.(**)").should().beFreeOfCycles()
                .check(classes.that(resideInAnyPackage("org.p1iota.iota..", "org.p1iota.camel..")));
    }

    @Test
    void secretsDoNotDependOnPairing() {
        noClasses().that().resideInAPackage("org.p1iota.app.consent.secrets..")
                .should().dependOnClassesThat().resideInAPackage("org.p1iota.app.consent.pairing..")
                .check(classes);
    }
}
