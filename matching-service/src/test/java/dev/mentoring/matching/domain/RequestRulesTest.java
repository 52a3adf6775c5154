package dev.mentoring.matching.domain;

import dev.mentoring.plumbing.rules.Conflict;
import dev.mentoring.plumbing.rules.RuleViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class RequestRulesTest {

    @Test
    void aMenteeDoesNotAskThemselves() {
        UUID me = UUID.randomUUID();
        assertThatThrownBy(() -> RequestRules.notYourself(me, me)).isInstanceOfSatisfying(RuleViolation.class, e -> {
            assertThat(e.field()).isEqualTo("mentorId");
            assertThat(e.reason()).isEqualTo("is you");
        });
        assertThatCode(() -> RequestRules.notYourself(me, UUID.randomUUID())).doesNotThrowAnyException();
    }

    @Test
    void onlyAnActiveAcceptingMentorTakesNewMentees() {
        assertThatCode(() -> RequestRules.takesNewMentees(true, true)).doesNotThrowAnyException();
        assertThatThrownBy(() -> RequestRules.takesNewMentees(false, true)).isInstanceOf(Conflict.class)
                .hasMessage("This mentor does not take new mentees at the moment");
        assertThatThrownBy(() -> RequestRules.takesNewMentees(true, false)).isInstanceOf(Conflict.class);
    }

    @Test
    void theSameMentorIsAskedOnceAtATime() {
        assertThatCode(() -> RequestRules.notAskedAlready(0)).doesNotThrowAnyException();
        assertThatThrownBy(() -> RequestRules.notAskedAlready(1)).isInstanceOf(Conflict.class)
                .hasMessage("You already asked this mentor");
    }

    @Test
    void aMentorAlreadyWorkedWithIsNotAskedAgainWhileItRuns() {
        assertThatCode(() -> RequestRules.notPartnersAlready(0)).doesNotThrowAnyException();
        assertThatThrownBy(() -> RequestRules.notPartnersAlready(1)).isInstanceOf(Conflict.class)
                .hasMessage("You already have a partnership with this mentor");
    }

    @Test
    void aMentorTakesNoMoreMenteesThanTheirCapacity() {
        assertThatCode(() -> RequestRules.mentorHasPlace(1, 2)).doesNotThrowAnyException();
        assertThatThrownBy(() -> RequestRules.mentorHasPlace(2, 2)).isInstanceOf(Conflict.class)
                .hasMessage("The mentor has no place left (2 mentees)");
        assertThatThrownBy(() -> RequestRules.mentorHasPlace(0, 0)).isInstanceOf(Conflict.class)
                .hasMessage("The mentor has no place left (0 mentees)");
    }

    @Test
    void onlyAnOpenRequestIsAnswered() {
        assertThatCode(() -> RequestRules.stillOpen(RequestState.OPEN)).doesNotThrowAnyException();
        assertThatThrownBy(() -> RequestRules.stillOpen(RequestState.WITHDRAWN)).isInstanceOf(Conflict.class)
                .hasMessage("This request is withdrawn already");
        assertThatThrownBy(() -> RequestRules.stillOpen(RequestState.EXPIRED)).isInstanceOf(Conflict.class)
                .hasMessage("This request is expired already");
    }
}
