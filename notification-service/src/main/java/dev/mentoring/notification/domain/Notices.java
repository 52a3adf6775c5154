package dev.mentoring.notification.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.mentoring.contracts.AgreementEvents;
import dev.mentoring.contracts.FeedbackEvents;
import dev.mentoring.contracts.PartnershipEvents;
import dev.mentoring.contracts.SessionEvents;
import dev.mentoring.notification.domain.Notice.Refs;

/**
 * Who is told what, for each event of the journey: the rules of the inbox. Event types are named by their CloudEvents
 * type here (the contract's constants are what the consumers dispatch on; deploy/manifest-check reads any other use of
 * them as publishing). An event's own time is the notice's where the
 * event carries one, else {@code received} (when the service read it). Events nobody needs telling about (a goal's
 * progress, a completed session, feedback given) make none.
 */
public final class Notices {

    /** The two people of a partnership, for events that name only the partnership. */
    public record Pair(UUID menteeId, UUID mentorId) {
    }

    private Notices() {
    }

    /** mentorship.requested: the mentor is asked. */
    public static List<Notice> requested(PartnershipEvents.MentorshipRequested r, OffsetDateTime received) {
        return List.of(new Notice(r.mentorId(), NoticeKind.REQUEST_RECEIVED, received, Refs.request(r.requestId(), r.origin())));
    }

    /**
     * mentorship.accepted, declined, withdrawn, expired: the one who waited for the answer (both, for an expiry, and for a
     * withdrawal because one of the two left the organisation or the program closed).
     */
    public static List<Notice> answered(String type, PartnershipEvents.RequestAnswered a, OffsetDateTime received) {
        OffsetDateTime at = a.at() != null ? a.at() : received;
        if ("mentorship.accepted".equals(type)) {
            return List.of(new Notice(a.menteeId(), NoticeKind.REQUEST_ACCEPTED, at, Refs.request(a.requestId(), null)));
        }
        if ("mentorship.declined".equals(type)) {
            return List.of(new Notice(a.menteeId(), NoticeKind.REQUEST_DECLINED, at, Refs.request(a.requestId(), a.reasonCategory())));
        }
        if ("mentorship.withdrawn".equals(type)) {
            if (PartnershipEvents.LEFT_ORGANISATION.equals(a.reasonCategory()) || PartnershipEvents.PROGRAM_ENDED.equals(a.reasonCategory())) {
                // one of the two left, or the program closed: both are told (neither withdrew it)
                Refs refs = Refs.request(a.requestId(), a.reasonCategory());
                return List.of(new Notice(a.menteeId(), NoticeKind.REQUEST_WITHDRAWN, at, refs),
                        new Notice(a.mentorId(), NoticeKind.REQUEST_WITHDRAWN, at, refs));
            }
            return List.of(new Notice(a.mentorId(), NoticeKind.REQUEST_WITHDRAWN, at, Refs.request(a.requestId(), null)));
        }
        if ("mentorship.expired".equals(type)) {
            Refs refs = Refs.request(a.requestId(), null);
            return List.of(new Notice(a.menteeId(), NoticeKind.REQUEST_EXPIRED, at, refs),
                    new Notice(a.mentorId(), NoticeKind.REQUEST_EXPIRED, at, refs));
        }
        return List.of();
    }

    /** partnership.started, paused, resumed, completed, ended: both people. */
    public static List<Notice> partnership(String type, PartnershipEvents.PartnershipChanged p) {
        NoticeKind kind = switch (type) {
            case "partnership.started" -> NoticeKind.PARTNERSHIP_STARTED;
            case "partnership.paused" -> NoticeKind.PARTNERSHIP_PAUSED;
            case "partnership.resumed" -> NoticeKind.PARTNERSHIP_RESUMED;
            case "partnership.completed" -> NoticeKind.PARTNERSHIP_COMPLETED;
            case "partnership.ended" -> NoticeKind.PARTNERSHIP_ENDED;
            default -> null;
        };
        if (kind == null) {
            return List.of();
        }
        return both(new Pair(p.menteeId(), p.mentorId()), kind, p.at(), Refs.partnership(p.partnershipId()).withDetail(p.reasonCategory()));
    }

    /** agreement.signed: the other person is asked to sign the same version. */
    public static List<Notice> signed(AgreementEvents.Signed s, Pair pair, OffsetDateTime received) {
        UUID other = AgreementEvents.SIGNED_BY_MENTOR.equals(s.signedBy()) ? pair.menteeId() : pair.mentorId();
        return List.of(new Notice(other, NoticeKind.AGREEMENT_TO_SIGN, received,
                Refs.partnership(s.partnershipId()).withDetail(String.valueOf(s.version()))));
    }

    /** agreement.in-force (and agreement.activated before it): both, the version in force. */
    public static List<Notice> activated(AgreementEvents.InForce a, Pair pair, OffsetDateTime received) {
        return both(pair, NoticeKind.AGREEMENT_IN_FORCE, received, Refs.partnership(a.partnershipId()).withDetail(String.valueOf(a.version())));
    }

    /** agreement.review-due: both. */
    public static List<Notice> reviewDue(AgreementEvents.ReviewDue r, Pair pair, OffsetDateTime received) {
        return both(pair, NoticeKind.AGREEMENT_REVIEW_DUE, received, Refs.partnership(r.partnershipId()).withDetail(String.valueOf(r.version())));
    }

    /**
     * session.scheduled and rescheduled: both; session.cancelled: the other person when the event tells who cancelled,
     * else both. A completed session or a no-show makes none.
     */
    public static List<Notice> session(String type, SessionEvents.SessionChanged s, OffsetDateTime received) {
        OffsetDateTime at = s.at() != null ? s.at() : received;
        Pair pair = new Pair(s.menteeId(), s.mentorId());
        Refs refs = Refs.partnership(s.partnershipId()).withSession(s.sessionId(), s.startsAt(), null);
        if ("session.scheduled".equals(type)) {
            return both(pair, NoticeKind.SESSION_SCHEDULED, at, refs);
        }
        if ("session.rescheduled".equals(type)) {
            return both(pair, NoticeKind.SESSION_MOVED, at, refs.withSession(s.sessionId(), s.startsAt(), s.previousStartsAt()));
        }
        if ("session.cancelled".equals(type)) {
            if ("MENTOR".equals(s.cancelledBy())) {
                return List.of(new Notice(s.menteeId(), NoticeKind.SESSION_CANCELLED, at, refs));
            }
            if ("MENTEE".equals(s.cancelledBy())) {
                return List.of(new Notice(s.mentorId(), NoticeKind.SESSION_CANCELLED, at, refs));
            }
            return both(pair, NoticeKind.SESSION_CANCELLED, at, refs);
        }
        return List.of();
    }

    /** session.reminder-due: both, with the lead time (PT24H or PT1H). */
    public static List<Notice> reminder(SessionEvents.ReminderDue r, OffsetDateTime received) {
        return both(new Pair(r.menteeId(), r.mentorId()), NoticeKind.SESSION_REMINDER, received,
                Refs.partnership(r.partnershipId()).withSession(r.sessionId(), r.startsAt(), null).withDetail(r.leadTime()));
    }

    /** action-item.overdue: the person it is assigned to, with its due date. */
    public static List<Notice> actionItemOverdue(SessionEvents.ActionItemChanged a, OffsetDateTime received) {
        if (a.assigneeId() == null) {
            return List.of();
        }
        return List.of(new Notice(a.assigneeId(), NoticeKind.ACTION_ITEM_OVERDUE, a.at() != null ? a.at() : received,
                Refs.partnership(a.partnershipId()).withActionItem(a.actionItemId())
                        .withDetail(a.dueDate() == null ? null : a.dueDate().toString())));
    }

    /** evaluation.due and evaluation.overdue: both. */
    public static List<Notice> evaluation(String type, FeedbackEvents.EvaluationChanged e, Pair pair, OffsetDateTime received) {
        NoticeKind kind = "evaluation.due".equals(type) ? NoticeKind.EVALUATION_DUE
                : "evaluation.overdue".equals(type) ? NoticeKind.EVALUATION_OVERDUE : null;
        if (kind == null) {
            return List.of();
        }
        return both(pair, kind, e.at() != null ? e.at() : received,
                Refs.partnership(e.partnershipId()).withEvaluation(e.evaluationId()).withDetail(e.kind()));
    }

    /** goal.achieved: both celebrate. */
    public static List<Notice> goalAchieved(FeedbackEvents.GoalChanged g, Pair pair, OffsetDateTime received) {
        return both(pair, NoticeKind.GOAL_ACHIEVED, g.at() != null ? g.at() : received, Refs.partnership(g.partnershipId()).withGoal(g.goalId()));
    }

    /** feedback.asked: the person asked, if they are the other of the pair (the asker's role is the detail). */
    public static List<Notice> feedbackAsked(FeedbackEvents.FeedbackAsked a, Pair pair, OffsetDateTime received) {
        boolean ofThePair = a.askedOf() != null && !a.askedOf().equals(a.askedBy())
                && (a.askedOf().equals(pair.menteeId()) || a.askedOf().equals(pair.mentorId()));
        if (!ofThePair) {
            return List.of();
        }
        Refs refs = Refs.partnership(a.partnershipId()).withDetail(a.askedByRole());
        return List.of(new Notice(a.askedOf(), NoticeKind.FEEDBACK_ASKED, a.at() != null ? a.at() : received,
                a.sessionId() == null ? refs : refs.withSession(a.sessionId(), null, null)));
    }

    /** concern.closed: the person who raised it, if they are of the pair (the outcome is the detail). */
    public static List<Notice> concernClosed(FeedbackEvents.ConcernClosed c, Pair pair, OffsetDateTime received) {
        if (c.raisedBy() == null || !(c.raisedBy().equals(pair.menteeId()) || c.raisedBy().equals(pair.mentorId()))) {
            return List.of();
        }
        return List.of(new Notice(c.raisedBy(), NoticeKind.CONCERN_CLOSED, c.at() != null ? c.at() : received,
                Refs.partnership(c.partnershipId()).withDetail(c.outcome())));
    }

    /**
     * concern.raised: the admins of the partnership's program who have an inbox (the category is the detail), never one
     * of the pair, whom the concern may be about.
     */
    public static List<Notice> concernRaised(FeedbackEvents.ConcernRaised c, Pair pair, List<UUID> admins, OffsetDateTime received) {
        Refs refs = Refs.partnership(c.partnershipId()).withDetail(c.category());
        return admins.stream().filter(admin -> !admin.equals(pair.menteeId()) && !admin.equals(pair.mentorId()))
                .map(admin -> new Notice(admin, NoticeKind.CONCERN_RAISED, c.at() != null ? c.at() : received, refs)).toList();
    }

    private static List<Notice> both(Pair pair, NoticeKind kind, OffsetDateTime at, Refs refs) {
        return List.of(new Notice(pair.menteeId(), kind, at, refs), new Notice(pair.mentorId(), kind, at, refs));
    }
}
