package dev.mentoring.sessions.domain;

import dev.mentoring.plumbing.rules.RuleViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.mentoring.sessions.domain.SessionEnums.ActionState;

/** The rules of action items in plain Java, at their edges. */
class ActionItemRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 3, 1);

    @Test
    void anActionItemIsDueWithinTwoYears() {
        assertThatCode(() -> ActionItemRules.checkDueDate(TODAY.plusYears(2), TODAY)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ActionItemRules.checkDueDate(TODAY.plusYears(2).plusDays(1), TODAY))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.field()).isEqualTo("dueDate");
                    assertThat(e.getMessage()).contains("two years");
                });
    }

    @Test
    void anOpenItemIsOverdueTheDayAfterItsDueDateAndADoneOneNever() {
        assertThat(ActionItemRules.overdue(ActionState.OPEN, TODAY, TODAY)).isFalse();
        assertThat(ActionItemRules.overdue(ActionState.OPEN, TODAY.minusDays(1), TODAY)).isTrue();
        assertThat(ActionItemRules.overdue(ActionState.DONE, TODAY.minusDays(1), TODAY)).isFalse();
    }
}
