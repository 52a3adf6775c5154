package dev.mentoring.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class SmartGoalTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private static String missing(SmartGoal goal) {
        return goal.problem(TODAY).map(p -> p[0]).orElse("none");
    }

    @Test
    void namesTheFirstMissingElement() {
        assertThat(missing(new SmartGoal("Lead a team", "team size", "3", "career", TODAY.plusDays(1)))).isEqualTo("none");
        assertThat(missing(new SmartGoal("Lead", "team size", "3", "career", TODAY.plusDays(1)))).isEqualTo("statement");
        assertThat(missing(new SmartGoal("Lead a team", " ", "3", "career", TODAY.plusDays(1)))).isEqualTo("measure");
        assertThat(missing(new SmartGoal("Lead a team", "team size", null, "career", TODAY.plusDays(1)))).isEqualTo("target");
        assertThat(missing(new SmartGoal("Lead a team", "team size", "3", "", TODAY.plusDays(1)))).isEqualTo("why");
        assertThat(missing(new SmartGoal("Lead a team", "team size", "3", "career", null))).isEqualTo("dueDate");
    }

    @Test
    void aDueDateMustLieAhead() {
        assertThat(missing(new SmartGoal("Lead a team", "team size", "3", "career", TODAY))).isEqualTo("dueDate");
        assertThat(missing(new SmartGoal("Lead a team", "team size", "3", "career", TODAY.minusDays(1)))).isEqualTo("dueDate");
    }
}
