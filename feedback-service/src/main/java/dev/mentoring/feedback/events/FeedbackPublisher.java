package dev.mentoring.feedback.events;

import java.time.OffsetDateTime;
import java.util.List;

import dev.mentoring.contracts.EventType;
import dev.mentoring.contracts.FeedbackEvents;
import dev.mentoring.feedback.persistence.Concern;
import dev.mentoring.feedback.persistence.Evaluation;
import dev.mentoring.feedback.persistence.FeedbackAsk;
import dev.mentoring.feedback.persistence.Goal;
import dev.mentoring.feedback.persistence.PartnershipHealth;
import dev.mentoring.feedback.persistence.SessionFeedback;
import dev.mentoring.plumbing.outbox.DomainEvent;

/**
 * What feedback-service publishes on {@code mentoring.feedback.v1}, keyed by the partnership id, as the contract's
 * payloads. Ratings, states and numbers only: never a comment, a note or what went well or was hard.
 */
public final class FeedbackPublisher {

    private FeedbackPublisher() {
    }

    /** feedback.submitted: the ratings of new feedback. */
    public static DomainEvent submitted(SessionFeedback feedback, OffsetDateTime at) {
        return ratings(FeedbackEvents.FEEDBACK_SUBMITTED, feedback, at);
    }

    /** feedback.updated: the ratings of edited feedback. */
    public static DomainEvent updated(SessionFeedback feedback, OffsetDateTime at) {
        return ratings(FeedbackEvents.FEEDBACK_UPDATED, feedback, at);
    }

    private static DomainEvent ratings(EventType<FeedbackEvents.FeedbackSubmitted> type, SessionFeedback f, OffsetDateTime at) {
        return DomainEvent.of(f.tenant, type, new FeedbackEvents.FeedbackSubmitted(f.id, f.sessionId, f.partnershipId, f.authorRole,
                f.overall, f.preparation, f.communication, f.shared, at));
    }

    /** evaluation.due: an evaluation opened. */
    public static DomainEvent due(Evaluation evaluation, OffsetDateTime at) {
        return evaluation(FeedbackEvents.EVALUATION_DUE, evaluation, null, at);
    }

    /** evaluation.overdue: an evaluation closed unanswered. */
    public static DomainEvent overdue(Evaluation evaluation, OffsetDateTime at) {
        return evaluation(FeedbackEvents.EVALUATION_OVERDUE, evaluation, null, at);
    }

    /** evaluation.completed: both answered, with their average relationship quality. */
    public static DomainEvent completed(Evaluation evaluation, Double averageRelationshipQuality, OffsetDateTime at) {
        return evaluation(FeedbackEvents.EVALUATION_COMPLETED, evaluation, averageRelationshipQuality, at);
    }

    private static DomainEvent evaluation(EventType<FeedbackEvents.EvaluationChanged> type, Evaluation e, Double averageRelationshipQuality,
            OffsetDateTime at) {
        return DomainEvent.of(e.tenant, type, new FeedbackEvents.EvaluationChanged(e.id, e.partnershipId, e.kind, e.opensOn, e.closesOn,
                e.state, averageRelationshipQuality, at));
    }

    /** goal.progressed: a check-in on the goal, by the mentor or the mentee. */
    public static DomainEvent progressed(Goal goal, boolean achieved, String byRole, OffsetDateTime at) {
        return goal(FeedbackEvents.GOAL_PROGRESSED, goal, achieved, byRole, at);
    }

    /** goal.achieved: the goal was achieved, once. */
    public static DomainEvent achieved(Goal goal, String byRole, OffsetDateTime at) {
        return goal(FeedbackEvents.GOAL_ACHIEVED, goal, true, byRole, at);
    }

    private static DomainEvent goal(EventType<FeedbackEvents.GoalChanged> type, Goal g, boolean achieved, String byRole, OffsetDateTime at) {
        return DomainEvent.of(g.tenant, type, new FeedbackEvents.GoalChanged(g.goalId, g.partnershipId, g.progressPercent, achieved, byRole,
                at));
    }

    /** feedback.asked: one of the pair asked the other for feedback (ids and roles only). */
    public static DomainEvent asked(FeedbackAsk ask) {
        return DomainEvent.of(ask.tenant, FeedbackEvents.FEEDBACK_ASKED, new FeedbackEvents.FeedbackAsked(ask.id, ask.partnershipId,
                ask.sessionId, ask.askedBy, ask.askedByRole, ask.askedOf, ask.askedAt));
    }

    /** concern.raised: one of the pair raised a concern with the program admins (never its text). */
    public static DomainEvent concernRaised(Concern c) {
        return DomainEvent.of(c.tenant, FeedbackEvents.CONCERN_RAISED, new FeedbackEvents.ConcernRaised(c.id, c.partnershipId, c.raisedByRole,
                c.category, c.raisedAt));
    }

    /** concern.closed: a program admin closed it with an outcome (never its text, nor who closed it). */
    public static DomainEvent concernClosed(Concern c) {
        return DomainEvent.of(c.tenant, FeedbackEvents.CONCERN_CLOSED, new FeedbackEvents.ConcernClosed(c.id, c.partnershipId, c.raisedBy,
                c.category, c.outcome, c.closedAt));
    }

    /** partnership.health-changed: the health's state changed (from none, the first time). */
    public static DomainEvent healthChanged(PartnershipHealth health, String previousState, List<String> pitfalls) {
        return DomainEvent.of(health.tenant, FeedbackEvents.HEALTH_CHANGED, new FeedbackEvents.HealthChanged(health.partnershipId,
                previousState, health.state, health.score, pitfalls, health.computedAt));
    }
}
