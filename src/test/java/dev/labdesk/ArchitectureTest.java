package dev.labdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine stays headless: only the desktop app may touch JavaFX. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.labdesk");
    }

    @Test
    void onlyTheDesktopAppDependsOnJavaFx() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("dev.labdesk.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..")
                .because("the engine and the CLI must run headless; only dev.labdesk.app may use JavaFX");
        rule.check(classes);
    }

    @Test
    void importsCoverTheWholeCodebase() {
        // Guards the rule above against a package rename that would make it vacuous.
        org.assertj.core.api.Assertions.assertThat(classes.contain("dev.labdesk.app.LabdeskApp")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.contain("dev.labdesk.validate.Validator")).isTrue();
    }
}
