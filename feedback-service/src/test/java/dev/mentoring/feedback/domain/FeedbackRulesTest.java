package dev.mentoring.feedback.domain;

import dev.mentoring.plumbing.rules.Conflict;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

/** Feedback on held sessions only, within 14 days, once; edits within 24 hours. */
class FeedbackRulesTest {

    private static final OffsetDateTime ENDED = OffsetDateTime.parse("2027-03-01T12:00:00Z");

    @Test
    void feedbackIsGivenOnAHeldSessionUpToFourteenDaysAfterItEnded() {
        assertThatCode(() -> FeedbackRules.checkCanGive("COMPLETED", ENDED, false, ENDED.plusDays(14))).doesNotThrowAnyException();
        assertThatThrownBy(() -> FeedbackRules.checkCanGive("COMPLETED", ENDED, false, ENDED.plusDays(14).plusSeconds(1)))
                .isInstanceOf(Conflict.class).hasMessage("The feedback window closed 14 days after the session");
    }

    @Test
    void notOnASessionThatDidNotTakePlace() {
        assertThatThrownBy(() -> FeedbackRules.checkCanGive("SCHEDULED", ENDED, false, ENDED.minusDays(1)))
                .isInstanceOf(Conflict.class).hasMessage("Feedback is given on sessions that took place; this one is SCHEDULED");
        assertThatThrownBy(() -> FeedbackRules.checkCanGive("NO_SHOW", ENDED, false, ENDED)).isInstanceOf(Conflict.class);
    }

    @Test
    void oncePerPerson() {
        assertThatThrownBy(() -> FeedbackRules.checkCanGive("COMPLETED", ENDED, true, ENDED.plusHours(1)))
                .isInstanceOf(Conflict.class).hasMessage("You gave feedback on this session already; edit it instead");
    }

    @Test
    void editableForTwentyFourHours() {
        assertThatCode(() -> FeedbackRules.checkCanEdit(ENDED, ENDED.plusHours(24))).doesNotThrowAnyException();
        assertThatThrownBy(() -> FeedbackRules.checkCanEdit(ENDED, ENDED.plusHours(24).plusSeconds(1)))
                .isInstanceOf(Conflict.class).hasMessage("Feedback can be edited for 24 hours after it was given");
    }
}
