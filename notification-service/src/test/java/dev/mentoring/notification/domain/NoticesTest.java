package dev.mentoring.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mentoring.contracts.AgreementEvents;
import dev.mentoring.contracts.FeedbackEvents;
import dev.mentoring.contracts.PartnershipEvents;
import dev.mentoring.contracts.SessionEvents;

class NoticesTest {

    static final UUID MENTEE = UUID.randomUUID();
    static final UUID MENTOR = UUID.randomUUID();
    static final UUID PARTNERSHIP = UUID.randomUUID();
    static final Notices.Pair PAIR = new Notices.Pair(MENTEE, MENTOR);
    static final OffsetDateTime NOW = OffsetDateTime.of(2031, 1, 2, 9, 0, 0, 0, ZoneOffset.UTC);

    private static SessionEvents.SessionChanged session(String cancelledBy) {
        return new SessionEvents.SessionChanged(UUID.randomUUID(), PARTNERSHIP, null, MENTEE, MENTOR, NOW.plusDays(1), NOW.plusDays(1).plusHours(1),
                "UTC", 60, "VIDEO", "CANCELLED", null, null, false, cancelledBy, null, null, 1, NOW);
    }

    @Test
    void aRequestTellsTheMentorAndItsAnswerTellsWhoWaited() {
        var requested = Notices.requested(new PartnershipEvents.MentorshipRequested(PARTNERSHIP, MENTEE, MENTOR, "MENTEE", null, NOW, null), NOW);
        assertThat(requested).extracting(Notice::recipientId, Notice::kind).containsExactly(org.assertj.core.groups.Tuple.tuple(MENTOR, NoticeKind.REQUEST_RECEIVED));
        var answer = new PartnershipEvents.RequestAnswered(PARTNERSHIP, MENTEE, MENTOR, "MENTEE", "NO_CAPACITY", NOW, null);
        assertThat(Notices.answered("mentorship.accepted", answer, NOW)).extracting(Notice::recipientId).containsExactly(MENTEE);
        assertThat(Notices.answered("mentorship.declined", answer, NOW)).singleElement()
                .satisfies(n -> assertThat(n.refs().detail()).isEqualTo("NO_CAPACITY"));
        assertThat(Notices.answered("mentorship.withdrawn", answer, NOW)).extracting(Notice::recipientId).containsExactly(MENTOR);
        assertThat(Notices.answered("mentorship.expired", answer, NOW)).extracting(Notice::recipientId).containsExactly(MENTEE, MENTOR);
        assertThat(Notices.answered("mentorship.something-new", answer, NOW)).isEmpty();
    }

    @Test
    void aCancellationTellsTheOtherPersonAndBothWhenNobodySaidWho() {
        assertThat(Notices.session("session.cancelled", session("MENTOR"), NOW)).extracting(Notice::recipientId).containsExactly(MENTEE);
        assertThat(Notices.session("session.cancelled", session("MENTEE"), NOW)).extracting(Notice::recipientId).containsExactly(MENTOR);
        assertThat(Notices.session("session.cancelled", session(null), NOW)).extracting(Notice::recipientId).containsExactly(MENTEE, MENTOR);
        assertThat(Notices.session("session.completed", session(null), NOW)).isEmpty();
    }

    @Test
    void aSignatureAsksTheOtherToSignAndPartnershipLevelEventsTellBoth() {
        assertThat(Notices.signed(new AgreementEvents.Signed(PARTNERSHIP, 2, "MENTOR"), PAIR, NOW)).singleElement()
                .satisfies(n -> {
                    assertThat(n.recipientId()).isEqualTo(MENTEE);
                    assertThat(n.kind()).isEqualTo(NoticeKind.AGREEMENT_TO_SIGN);
                    assertThat(n.refs().detail()).isEqualTo("2");
                });
        assertThat(Notices.signed(new AgreementEvents.Signed(PARTNERSHIP, 1, "MENTEE"), PAIR, NOW)).extracting(Notice::recipientId).containsExactly(MENTOR);
        var evaluation = new FeedbackEvents.EvaluationChanged(UUID.randomUUID(), PARTNERSHIP, "FORMAL", LocalDate.of(2031, 1, 1),
                LocalDate.of(2031, 1, 15), "OPEN", null, NOW);
        assertThat(Notices.evaluation("evaluation.due", evaluation, PAIR, NOW)).extracting(Notice::recipientId).containsExactly(MENTEE, MENTOR);
        assertThat(Notices.evaluation("evaluation.completed", evaluation, PAIR, NOW)).isEmpty();
        var overdue = new SessionEvents.ActionItemChanged(UUID.randomUUID(), PARTNERSHIP, null, "MENTOR", MENTOR, LocalDate.of(2031, 1, 1), "OPEN", NOW);
        assertThat(Notices.actionItemOverdue(overdue, NOW)).singleElement().satisfies(n -> {
            assertThat(n.recipientId()).isEqualTo(MENTOR);
            assertThat(n.refs().actionItemId()).isEqualTo(overdue.actionItemId());
            assertThat(n.refs().detail()).isEqualTo("2031-01-01");
        });
    }

    @Test
    void anEventWithoutItsOwnTimeTakesTheTimeItWasRead() {
        var reminder = new SessionEvents.ReminderDue(UUID.randomUUID(), PARTNERSHIP, MENTEE, MENTOR, NOW.plusHours(1), "UTC", "PT1H");
        assertThat(Notices.reminder(reminder, NOW)).allSatisfy(n -> assertThat(n.occurredAt()).isEqualTo(NOW));
    }

    @Test
    void anAskForFeedbackTellsOnlyThePersonAskedWhenTheyAreOfThePair() {
        UUID session = UUID.randomUUID();
        var onSession = new FeedbackEvents.FeedbackAsked(UUID.randomUUID(), PARTNERSHIP, session, MENTOR, "MENTOR", MENTEE, NOW);
        assertThat(Notices.feedbackAsked(onSession, PAIR, NOW)).singleElement().satisfies(n -> {
            assertThat(n.recipientId()).isEqualTo(MENTEE);
            assertThat(n.kind()).isEqualTo(NoticeKind.FEEDBACK_ASKED);
            assertThat(n.refs().partnershipId()).isEqualTo(PARTNERSHIP);
            assertThat(n.refs().sessionId()).isEqualTo(session);
            assertThat(n.refs().detail()).isEqualTo("MENTOR");
        });
        var onPartnership = new FeedbackEvents.FeedbackAsked(UUID.randomUUID(), PARTNERSHIP, null, MENTEE, "MENTEE", MENTOR, NOW);
        assertThat(Notices.feedbackAsked(onPartnership, PAIR, NOW)).singleElement()
                .satisfies(n -> assertThat(n.refs().sessionId()).isNull());
        // someone who is not of the pair, or the asker themselves, is told nothing
        var stranger = new FeedbackEvents.FeedbackAsked(UUID.randomUUID(), PARTNERSHIP, null, MENTEE, "MENTEE", UUID.randomUUID(), NOW);
        assertThat(Notices.feedbackAsked(stranger, PAIR, NOW)).isEmpty();
        var self = new FeedbackEvents.FeedbackAsked(UUID.randomUUID(), PARTNERSHIP, null, MENTEE, "MENTEE", MENTEE, NOW);
        assertThat(Notices.feedbackAsked(self, PAIR, NOW)).isEmpty();
    }

    @Test
    void aClosedConcernTellsOnlyThePersonWhoRaisedItAndHowItWasClosed() {
        UUID concern = UUID.randomUUID();
        var closed = new FeedbackEvents.ConcernClosed(concern, PARTNERSHIP, MENTOR, "PERSONALITY_CLASH", "TALKED_TO_BOTH", NOW);
        assertThat(Notices.concernClosed(closed, PAIR, NOW)).singleElement().satisfies(n -> {
            assertThat(n.recipientId()).isEqualTo(MENTOR);
            assertThat(n.kind()).isEqualTo(NoticeKind.CONCERN_CLOSED);
            assertThat(n.refs().partnershipId()).isEqualTo(PARTNERSHIP);
            assertThat(n.refs().detail()).isEqualTo("TALKED_TO_BOTH");
        });
        assertThat(NoticeTexts.text(NoticeKind.CONCERN_CLOSED, Notices.concernClosed(closed, PAIR, NOW).get(0).refs(), "en", java.time.ZoneOffset.UTC))
                .isEqualTo("The program admins closed the concern you raised: they talked to you both.");
        // the other person of the pair is never told, nor anyone outside it
        var stranger = new FeedbackEvents.ConcernClosed(concern, PARTNERSHIP, UUID.randomUUID(), "OTHER", "REMATCHED", NOW);
        assertThat(Notices.concernClosed(stranger, PAIR, NOW)).isEmpty();
    }

    @Test
    void aRequestWithdrawnBecauseOneOfTheTwoLeftTellsBoth() {
        UUID request = UUID.randomUUID();
        var left = new PartnershipEvents.RequestAnswered(request, MENTEE, MENTOR, "MENTEE", "LEFT_ORGANISATION", NOW, null);
        assertThat(Notices.answered("mentorship.withdrawn", left, NOW)).extracting(Notice::recipientId).containsExactly(MENTEE, MENTOR);
        assertThat(NoticeTexts.text(NoticeKind.REQUEST_WITHDRAWN, Notices.answered("mentorship.withdrawn", left, NOW).get(0).refs(), "en",
                java.time.ZoneOffset.UTC)).isEqualTo("A request for mentoring was withdrawn: one of you left the organisation.");
        // the mentee withdrawing it herself tells the mentor only
        var withdrawn = new PartnershipEvents.RequestAnswered(request, MENTEE, MENTOR, "MENTEE", null, NOW, null);
        assertThat(Notices.answered("mentorship.withdrawn", withdrawn, NOW)).extracting(Notice::recipientId).containsExactly(MENTOR);
    }

    @Test
    void aRequestWithdrawnBecauseItsProgramClosedTellsBoth() {
        var closed = new PartnershipEvents.RequestAnswered(UUID.randomUUID(), MENTEE, MENTOR, "MENTEE", "PROGRAM_ENDED", NOW, UUID.randomUUID());
        var notices = Notices.answered("mentorship.withdrawn", closed, NOW);
        assertThat(notices).extracting(Notice::recipientId).containsExactly(MENTEE, MENTOR);
        assertThat(NoticeTexts.text(NoticeKind.REQUEST_WITHDRAWN, notices.get(0).refs(), "en", java.time.ZoneOffset.UTC))
                .isEqualTo("A request for mentoring was withdrawn: its program has closed.");
    }
}
