package dev.mentoring.contracts;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * feedback-service's events on {@link Topics#FEEDBACK}, all keyed by the partnership id. Ratings, states and
 * numbers only: never a comment, a note or what went well or was hard.
 */
public final class FeedbackEvents {

    public static final EventType<FeedbackSubmitted> FEEDBACK_SUBMITTED = feedback("feedback.submitted");
    /** The same payload as feedback.submitted, with the edited ratings. */
    public static final EventType<FeedbackSubmitted> FEEDBACK_UPDATED = feedback("feedback.updated");
    public static final EventType<EvaluationChanged> EVALUATION_DUE = evaluation("evaluation.due");
    public static final EventType<EvaluationChanged> EVALUATION_OVERDUE = evaluation("evaluation.overdue");
    public static final EventType<EvaluationChanged> EVALUATION_COMPLETED = evaluation("evaluation.completed");
    public static final EventType<GoalChanged> GOAL_PROGRESSED = goal("goal.progressed");
    public static final EventType<GoalChanged> GOAL_ACHIEVED = goal("goal.achieved");
    public static final EventType<FeedbackAsked> FEEDBACK_ASKED = new EventType<>("feedback.asked", Topics.FEEDBACK, 1,
            FeedbackAsked.class, FeedbackAsked::partnershipId, a -> "feedback-asks/" + a.askId());
    public static final EventType<ConcernRaised> CONCERN_RAISED = new EventType<>("concern.raised", Topics.FEEDBACK, 1,
            ConcernRaised.class, ConcernRaised::partnershipId, c -> "concerns/" + c.concernId());
    public static final EventType<ConcernClosed> CONCERN_CLOSED = new EventType<>("concern.closed", Topics.FEEDBACK, 1,
            ConcernClosed.class, ConcernClosed::partnershipId, c -> "concerns/" + c.concernId());
    public static final EventType<HealthChanged> HEALTH_CHANGED = new EventType<>("partnership.health-changed", Topics.FEEDBACK, 1,
            HealthChanged.class, HealthChanged::partnershipId, h -> "partnerships/" + h.partnershipId());

    /** Payload of feedback.submitted and feedback.updated. */
    public record FeedbackSubmitted(UUID feedbackId, UUID sessionId, UUID partnershipId, String authorRole, int overall,
            int preparation, int communication, boolean shared, OffsetDateTime at) {
    }

    /** Payload of the evaluation.* events. */
    public record EvaluationChanged(UUID evaluationId, UUID partnershipId, String kind, LocalDate opensOn, LocalDate closesOn,
            String state, Double averageRelationshipQuality, OffsetDateTime at) {
    }

    /** Payload of the goal.* events. */
    public record GoalChanged(UUID goalId, UUID partnershipId, int progressPercent, boolean achieved, String byRole,
            OffsetDateTime at) {
    }

    /**
     * Payload of feedback.asked: one of the pair asked the other for feedback, on a session (sessionId) or on the
     * partnership so far (sessionId null). Ids and roles only.
     */
    public record FeedbackAsked(UUID askId, UUID partnershipId, UUID sessionId, UUID askedBy, String askedByRole, UUID askedOf,
            OffsetDateTime at) {
    }

    /**
     * Payload of concern.raised: one of the pair (by role, not by id) raised a concern about the partnership with the
     * program admins, in a category. Never its text.
     */
    public record ConcernRaised(UUID concernId, UUID partnershipId, String raisedByRole, String category, OffsetDateTime at) {
    }

    /** Payload of concern.closed: a program admin closed a concern with an outcome. Never its text, nor who closed it. */
    public record ConcernClosed(UUID concernId, UUID partnershipId, UUID raisedBy, String category, String outcome,
            OffsetDateTime at) {
    }

    /** Payload of partnership.health-changed. */
    public record HealthChanged(UUID partnershipId, String previousState, String state, int score, List<String> pitfalls,
            OffsetDateTime at) {
    }

    private FeedbackEvents() {
    }

    private static EventType<FeedbackSubmitted> feedback(String name) {
        return new EventType<>(name, Topics.FEEDBACK, 1, FeedbackSubmitted.class, FeedbackSubmitted::partnershipId,
                f -> "sessions/" + f.sessionId());
    }

    private static EventType<EvaluationChanged> evaluation(String name) {
        return new EventType<>(name, Topics.FEEDBACK, 1, EvaluationChanged.class, EvaluationChanged::partnershipId,
                e -> "evaluations/" + e.evaluationId());
    }

    private static EventType<GoalChanged> goal(String name) {
        return new EventType<>(name, Topics.FEEDBACK, 1, GoalChanged.class, GoalChanged::partnershipId, g -> "goals/" + g.goalId());
    }
}
