package dev.mentoring.matching.domain;

import dev.mentoring.plumbing.rules.Conflict;
import dev.mentoring.plumbing.rules.RuleViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MenteeLimitsTest {

    @Test
    void theDefaultsAreThreeOpenRequestsAndTwoMentors() {
        assertThat(MenteeLimits.DEFAULT).isEqualTo(new MenteeLimits(3, 2));
    }

    @Test
    void eachLimitIsOneToTen() {
        assertThatCode(() -> new MenteeLimits(1, 10)).doesNotThrowAnyException();
        assertThatThrownBy(() -> new MenteeLimits(0, 2)).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.field()).isEqualTo("maxOpenRequests"));
        assertThatThrownBy(() -> new MenteeLimits(3, 11)).isInstanceOfSatisfying(RuleViolation.class, e -> {
            assertThat(e.field()).isEqualTo("maxActiveMentors");
            assertThat(e.reason()).isEqualTo("must be between 1 and 10");
        });
    }

    @Test
    void aMenteeAsksOnlyBelowTheOpenRequestLimit() {
        MenteeLimits limits = new MenteeLimits(3, 2);
        assertThatCode(() -> limits.allowAnotherRequest(2)).doesNotThrowAnyException();
        assertThatThrownBy(() -> limits.allowAnotherRequest(3)).isInstanceOf(Conflict.class)
                .hasMessage("You have 3 open requests, the most your organisation allows");
    }

    @Test
    void aMenteeGetsAnotherMentorOnlyBelowTheLimit() {
        MenteeLimits limits = new MenteeLimits(3, 2);
        assertThatCode(() -> limits.allowAnotherMentor(1)).doesNotThrowAnyException();
        assertThatThrownBy(() -> limits.allowAnotherMentor(2)).isInstanceOf(Conflict.class)
                .hasMessage("The mentee already has 2 mentors, the most allowed");
    }
}
