package dev.mentoring.feedback.domain;

import dev.mentoring.plumbing.rules.Conflict;
import dev.mentoring.plumbing.rules.RuleViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mentoring.feedback.domain.EvaluationRules.Planned;

/** The plan of evaluations, who answers what when, and what completes one. */
class EvaluationRulesTest {

    private static final LocalDate START = LocalDate.of(2027, 1, 31);
    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();

    @Test
    void aCheckInAfterThreeMonthsThenFormalOnesForTwoYears() {
        assertThat(EvaluationRules.planFrom(START, 6)).containsExactly(new Planned("CHECK_IN", LocalDate.of(2027, 4, 30)),
                new Planned("FORMAL", LocalDate.of(2027, 7, 31)), new Planned("FORMAL", LocalDate.of(2028, 1, 31)),
                new Planned("FORMAL", LocalDate.of(2028, 7, 31)), new Planned("FORMAL", LocalDate.of(2029, 1, 31)));
        assertThat(EvaluationRules.planFrom(START, 12)).extracting(Planned::opensOn).containsExactly(LocalDate.of(2027, 4, 30),
                LocalDate.of(2028, 1, 31), LocalDate.of(2029, 1, 31));
    }

    @Test
    void theNextFormalOneComesAnIntervalAfterTheLatestAndEachIsOpenForFourteenDays() {
        assertThat(EvaluationRules.nextAfter(LocalDate.of(2029, 1, 31), 6)).isEqualTo(new Planned("FORMAL", LocalDate.of(2029, 7, 31)));
        assertThat(EvaluationRules.closesOn(LocalDate.of(2027, 4, 30))).isEqualTo(LocalDate.of(2027, 5, 14));
    }

    @Test
    void onlyOpenOrOverdueEvaluationsAreAnsweredAndEachPersonAnswersOnce() {
        assertThatCode(() -> EvaluationRules.checkAnswerable("OPEN")).doesNotThrowAnyException();
        assertThatCode(() -> EvaluationRules.checkAnswerable("OVERDUE")).doesNotThrowAnyException();
        for (String state : List.of("PLANNED", "COMPLETED", "CANCELLED")) {
            assertThatThrownBy(() -> EvaluationRules.checkAnswerable(state)).isInstanceOf(Conflict.class)
                    .hasMessage("The evaluation is " + state + "; only open or overdue ones are answered");
        }
        assertThatCode(() -> EvaluationRules.checkFirstAnswer(false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> EvaluationRules.checkFirstAnswer(true)).isInstanceOf(Conflict.class)
                .hasMessage("You have answered this evaluation already");
    }

    private static RuleViolation.Fault fault(List<UUID> inForce, List<UUID> answered) {
        return (RuleViolation.Fault) org.assertj.core.api.Assertions.catchThrowableOfType(RuleViolation.class,
                () -> EvaluationRules.checkProgressOnEachGoal(inForce, answered)).faults().get(0);
    }

    @Test
    void anAnswerGivesProgressOnEachGoalInForceOnce() {
        assertThatCode(() -> EvaluationRules.checkProgressOnEachGoal(List.of(A, B), List.of(B, A))).doesNotThrowAnyException();
        assertThatCode(() -> EvaluationRules.checkProgressOnEachGoal(List.of(), List.of())).doesNotThrowAnyException();
        assertThat(fault(List.of(A), List.of(UUID.randomUUID())))
                .isEqualTo(new RuleViolation.Fault("goals[0].goalId", "is not a goal of the agreement in force"));
        assertThat(fault(List.of(A, B), List.of(A, A))).isEqualTo(new RuleViolation.Fault("goals[1].goalId", "is answered twice"));
        assertThat(fault(List.of(A, B), List.of(A)))
                .isEqualTo(new RuleViolation.Fault("goals", "needs one entry for each of the agreement's 2 goals; missing: [" + B + "]"));
        assertThatThrownBy(() -> EvaluationRules.checkProgressOnEachGoal(List.of(A), List.of())).asInstanceOf(type(RuleViolation.class))
                .extracting(e -> e.faults().get(0).field()).isEqualTo("goals");
    }

    @Test
    void bothAnswersCompleteAnEvaluation() {
        assertThat(EvaluationRules.completedBy(1)).isFalse();
        assertThat(EvaluationRules.completedBy(2)).isTrue();
    }
}
