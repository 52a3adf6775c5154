package dev.mentoring.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.rules.Conflict;
import dev.mentoring.plumbing.rules.RuleViolation;

class ProgramRulesTest {

    private static ProgramRules.Description description(String name, List<String> skills, LocalDate start, LocalDate end,
            Integer maxOpenRequests) {
        return new ProgramRules.Description(name, "  purpose  ", skills, Joining.APPLY, null, null, start, end, maxOpenRequests, null, null);
    }

    @Test
    void aDescriptionIsTrimmedAndItsSkillsKeptOnceInLowerCase() {
        var checked = ProgramRules.checked(description("  Graduates ", List.of("Java", " java", "SQL"), null, null, null));
        assertThat(checked.name()).isEqualTo("Graduates");
        assertThat(checked.purpose()).isEqualTo("purpose");
        assertThat(checked.focusSkills()).containsExactly("java", "sql");
    }

    @Test
    void everyFaultIsNamedAtOnce() {
        var bad = new ProgramRules.Description(" ", "x".repeat(2001), Collections.nCopies(21, "s").stream()
                .map(s -> s + Math.random()).toList(), null, LocalDate.of(2027, 2, 1), LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 1, 15), 0, 11, 91);
        assertThatThrownBy(() -> ProgramRules.checked(bad)).isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.faults())
                .extracting(RuleViolation.Fault::field).containsExactlyInAnyOrder("name", "purpose", "focusSkills", "joining",
                        "enrolmentClosesOn", "endsOn", "maxOpenRequests", "maxActiveMentors", "requestExpiryDays"));
        assertThatThrownBy(() -> ProgramRules.checked(description("X", Arrays.asList("ok", null), null, null, null)))
                .isInstanceOf(RuleViolation.class);
        // enrolment may not close after the program ends
        assertThatThrownBy(() -> ProgramRules.checked(new ProgramRules.Description("X", null, null, Joining.OPEN, null,
                LocalDate.of(2027, 6, 1), null, LocalDate.of(2027, 5, 1), null, null, null)))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.faults()).extracting(RuleViolation.Fault::field)
                        .containsExactly("enrolmentClosesOn"));
    }

    @Test
    void aProgramsLimitsFallBackToTheTenantsOneByOne() {
        var tenant = new MenteeLimits(3, 2);
        assertThat(ProgramRules.limits(null, null, tenant)).isEqualTo(tenant);
        assertThat(ProgramRules.limits(1, null, tenant)).isEqualTo(new MenteeLimits(1, 2));
        assertThat(ProgramRules.limits(null, 5, tenant)).isEqualTo(new MenteeLimits(3, 5));
    }

    @Test
    void onlyLegalMovesAndAClosedProgramIsFinal() {
        assertThat(ProgramState.DRAFT.move(ProgramState.Move.OPEN_ENROLMENT)).isEqualTo(ProgramState.ENROLLING);
        assertThat(ProgramState.DRAFT.move(ProgramState.Move.START)).isEqualTo(ProgramState.RUNNING);
        assertThat(ProgramState.ENROLLING.move(ProgramState.Move.START)).isEqualTo(ProgramState.RUNNING);
        assertThat(ProgramState.RUNNING.move(ProgramState.Move.CLOSE)).isEqualTo(ProgramState.CLOSED);
        assertThatThrownBy(() -> ProgramState.RUNNING.move(ProgramState.Move.OPEN_ENROLMENT)).isInstanceOf(Conflict.class)
                .hasMessageContaining("can [CLOSE]");
        for (ProgramState.Move move : ProgramState.Move.values()) {
            assertThatThrownBy(() -> ProgramState.CLOSED.move(move)).isInstanceOf(Conflict.class).hasMessageContaining("final");
        }
        assertThatThrownBy(ProgramState.DRAFT::takesPeople).isInstanceOf(Conflict.class);
        ProgramState.ENROLLING.takesPeople();
        assertThatThrownBy(ProgramState.ENROLLING::matches).isInstanceOf(Conflict.class);
        ProgramState.RUNNING.matches();
        assertThatThrownBy(ProgramState.CLOSED::editable).isInstanceOf(Conflict.class);
    }
}
