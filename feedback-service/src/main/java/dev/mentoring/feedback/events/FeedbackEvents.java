package dev.mentoring.feedback.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.mentoring.plumbing.outbox.DomainEvent;
import dev.mentoring.contracts.Topics;

/**
 * The events feedback-service publishes, all on {@link Topics#FEEDBACK} keyed by the partnership id.
 * Ratings, states and numbers only: never a comment, a note or what went well or was hard.
 */
public final class FeedbackEvents {

    public static final String FEEDBACK_SUBMITTED = "feedback.submitted";
    /** The same payload as feedback.submitted, with the edited ratings. */
    public static final String FEEDBACK_UPDATED = "feedback.updated";
    public static final String EVALUATION_DUE = "evaluation.due";
    public static final String EVALUATION_OVERDUE = "evaluation.overdue";
    public static final String EVALUATION_COMPLETED = "evaluation.completed";
    public static final String GOAL_PROGRESSED = "goal.progressed";
    public static final String GOAL_ACHIEVED = "goal.achieved";
    public static final String HEALTH_CHANGED = "partnership.health-changed";

    public record FeedbackSubmitted(UUID feedbackId, UUID sessionId, UUID partnershipId, String authorRole, int overall,
            int preparation, int communication, boolean shared, OffsetDateTime at) {
    }

    public record EvaluationChanged(UUID evaluationId, UUID partnershipId, String kind, LocalDate opensOn, LocalDate closesOn,
            String state, Double averageRelationshipQuality, OffsetDateTime at) {
    }

    public record GoalChanged(UUID goalId, UUID partnershipId, int progressPercent, boolean achieved, String byRole,
            OffsetDateTime at) {
    }

    public record HealthChanged(UUID partnershipId, String previousState, String state, int score, List<String> pitfalls,
            OffsetDateTime at) {
    }

    private FeedbackEvents() {
    }

    public static DomainEvent of(String tenant, UUID partnershipId, String type, String subject, Object payload) {
        return new DomainEvent(Topics.FEEDBACK, partnershipId.toString(), type, 1, subject, tenant, payload);
    }
}
