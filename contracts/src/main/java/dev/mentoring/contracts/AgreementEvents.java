package dev.mentoring.contracts;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * matching-service's agreement events on {@link Topics#PARTNERSHIP}, keyed by the partnership id, and the goals' words on
 * the internal {@link Topics#AGREEMENT_TEXT}.
 */
public final class AgreementEvents {

    /** One of the two signed a version. */
    public static final EventType<Signed> SIGNED = event("agreement.signed", Signed.class, Signed::partnershipId);
    /**
     * Both signed the same version: it is in force, with the goals' words. No longer published (it carried free text on a
     * public topic): {@link #IN_FORCE} replaces it and {@link #GOAL_TEXTS} carries the words to the platform's services.
     * Kept so that consumers still read the ones already on the topic.
     */
    @Deprecated
    public static final EventType<Activated> ACTIVATED = event("agreement.activated", Activated.class, Activated::partnershipId);
    /** Both signed the same version: it is in force (ids, dates, cadence and length; no words). */
    public static final EventType<InForce> IN_FORCE = event("agreement.in-force", InForce.class, InForce::partnershipId);
    /** Internal: the words of the goals of a version in force, for the platform's own services. */
    public static final EventType<GoalTexts> GOAL_TEXTS = new EventType<>("agreement.goal-texts", Topics.AGREEMENT_TEXT, 1,
            GoalTexts.class, GoalTexts::partnershipId, data -> "partnerships/" + data.partnershipId());
    /** The review date of the agreement in force has come. */
    public static final EventType<ReviewDue> REVIEW_DUE = event("agreement.review-due", ReviewDue.class, ReviewDue::partnershipId);

    /** How often the pair agreed to meet ({@code cadence}). */
    public static final String WEEKLY = "WEEKLY";
    public static final String EVERY_TWO_WEEKS = "EVERY_TWO_WEEKS";
    public static final String MONTHLY = "MONTHLY";
    /** Every cadence the contract allows. */
    public static final java.util.Set<String> CADENCES = java.util.Set.of(WEEKLY, EVERY_TWO_WEEKS, MONTHLY);
    /** Who signed ({@code signedBy}). */
    public static final String SIGNED_BY_MENTEE = "MENTEE";
    public static final String SIGNED_BY_MENTOR = "MENTOR";

    /** Payload of agreement.signed. */
    public record Signed(UUID partnershipId, int version, String signedBy) {
    }

    /** A goal of the agreement in force, as session-service and feedback-service need it. */
    public record GoalSummary(UUID goalId, String title, String measure, String target, LocalDate dueDate) {
    }

    /** Payload of agreement.activated. */
    public record Activated(UUID partnershipId, int version, String cadence, int sessionMinutes, LocalDate reviewDate,
            List<GoalSummary> goals) {
    }

    /** A goal of the agreement in force, without its words. */
    public record GoalInForce(UUID goalId, LocalDate dueDate) {
    }

    /** Payload of agreement.in-force. */
    public record InForce(UUID partnershipId, int version, String cadence, int sessionMinutes, LocalDate reviewDate,
            List<GoalInForce> goals) {

        /** What an agreement.activated already on the topic says, without its words. */
        public static InForce of(Activated activated) {
            return new InForce(activated.partnershipId(), activated.version(), activated.cadence(), activated.sessionMinutes(),
                    activated.reviewDate(), activated.goals() == null ? List.of()
                            : activated.goals().stream().map(g -> new GoalInForce(g.goalId(), g.dueDate())).toList());
        }
    }

    /** The words of one goal, as the pair wrote them. */
    public record GoalText(UUID goalId, String title, String measure, String target) {
    }

    /** Payload of agreement.goal-texts (internal). */
    public record GoalTexts(UUID partnershipId, int version, List<GoalText> goals) {

        /** The words an agreement.activated already on the topic carries. */
        public static GoalTexts of(Activated activated) {
            return new GoalTexts(activated.partnershipId(), activated.version(), activated.goals() == null ? List.of()
                    : activated.goals().stream().map(g -> new GoalText(g.goalId(), g.title(), g.measure(), g.target())).toList());
        }
    }

    /** Payload of agreement.review-due. */
    public record ReviewDue(UUID partnershipId, int version, LocalDate reviewDate) {
    }

    private AgreementEvents() {
    }

    private static <T> EventType<T> event(String name, Class<T> payload, java.util.function.Function<T, UUID> id) {
        return new EventType<>(name, Topics.PARTNERSHIP, 1, payload, id, data -> "partnerships/" + id.apply(data));
    }
}
