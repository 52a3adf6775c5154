package dev.mentoring.plumbing.skeleton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

import dev.mentoring.plumbing.testing.SkeletonRules;

/**
 * Each skeleton rule a service runs can fail: a planted service (package {@code planted}) breaks some on purpose, and
 * exactly those rules refuse it, naming the class at fault; the rules it keeps pass.
 */
class SkeletonRulesCanFailTest {

    private static final JavaClasses PLANTED = new ClassFileImporter().importPackages("dev.mentoring.plumbing.skeleton.planted");

    private static String violation(ArchRule rule) {
        try {
            rule.allowEmptyShould(true).check(PLANTED);
            return null;
        } catch (AssertionError e) {
            return e.getMessage();
        }
    }

    @Test
    void thePlantedViolationsAreFound() {
        assertThat(violation(SkeletonRules.useCasesReturnNoViews)).contains("PlantedHelper").contains("PlantedView");
        assertThat(violation(SkeletonRules.timeFromTheInjectedClock)).contains("PlantedHelper.view()").contains("now()");
        assertThat(violation(SkeletonRules.useCasesNamedInTheDomainsPlural)).contains("PlantedHelper");
        assertThat(violation(SkeletonRules.domainIsPlainJava)).contains("PlantedRule").contains("ProblemException")
                .doesNotContain("PlantedLimit");
        assertThat(violation(SkeletonRules.persistenceKnowsNoCallers)).contains("PlantedStore");
    }

    @Test
    void theRulesItKeepsPass() {
        for (ArchRule rule : List.of(SkeletonRules.transactionsOnlyInApplication, SkeletonRules.queriesOnlyInPersistence,
                SkeletonRules.publishersDoNotCallUseCases, SkeletonRules.entitiesAreInPersistence)) {
            assertThat(violation(rule)).as(rule.getDescription()).isNull();
        }
    }

    @Test
    void aPackageWithoutClassesIsRefusedRatherThanPassed() {
        assertThatThrownBy(() -> SkeletonRules.check("dev.mentoring.no.such.service").toList())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base package");
    }
}
