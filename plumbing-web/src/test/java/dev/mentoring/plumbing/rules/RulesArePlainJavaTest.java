package dev.mentoring.plumbing.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Every domain may throw these, so they must stay plain Java: nothing but java.* . */
class RulesArePlainJavaTest {

    @Test
    void theRulesPackageDependsOnJavaOnly() {
        classes().that().resideInAPackage("dev.mentoring.plumbing.rules")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.mentoring.plumbing.rules")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.mentoring.plumbing.rules"));
    }
}
