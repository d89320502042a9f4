package org.casebook.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules from DESIGN.md, checked on the compiled classes. */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                // Any build folder (-Dcasebook.build.dir), not only target/: leave the test classes out.
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("org.casebook");
    }

    @Test
    void onlyTheUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("org.casebook.ui..")
                .and().doNotHaveFullyQualifiedName("org.casebook.Launcher")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .allowEmptyShould(true)
                .check(classes);
    }

    /** Capture runs in the command line on a server: its renderer is found by ServiceLoader, never imported. */
    @Test
    void captureNeverTouchesJavaFxOrTheUi() {
        noClasses().that().resideInAPackage("org.casebook.capture..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.casebook.ui..")
                .check(classes);
    }

    @Test
    void theUiHoldsNoSqlAndNoPdfCode() {
        noClasses().that().resideInAPackage("org.casebook.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..", "org.apache.pdfbox..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void theModelDependsOnNothingOfOurs() {
        classes().that().resideInAPackage("org.casebook.model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.casebook.model..", "java..")
                .check(classes);
    }

    @Test
    void theVaultKnowsNothingAboveIt() {
        noClasses().that().resideInAPackage("org.casebook.vault..")
                .should().dependOnClassesThat().resideInAnyPackage("org.casebook.evidence..", "org.casebook.cli..",
                        "org.casebook.ui..", "org.casebook.imports..", "org.casebook.bundle..")
                .check(classes);
    }

    @Test
    void useCasesDoNotDependOnTheirCallers() {
        noClasses().that().resideInAPackage("org.casebook.evidence..")
                .should().dependOnClassesThat().resideInAnyPackage("org.casebook.cli..", "org.casebook.ui..")
                .check(classes);
    }

    @Test
    void theCommandLineDoesNotUseTheDesktopApp() {
        noClasses().that().resideInAPackage("org.casebook.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.casebook.ui..")
                .check(classes);
    }

    @Test
    void loggingGoesThroughSlf4jOnly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.apache.log4j..",
                        "ch.qos.logback..")
                .check(classes);
    }
}
