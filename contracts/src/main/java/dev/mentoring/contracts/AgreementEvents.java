package dev.mentoring.contracts;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** matching-service's agreement events on {@link Topics#PARTNERSHIP}, keyed by the partnership id. */
public final class AgreementEvents {

    /** One of the two signed a version. */
    public static final EventType<Signed> SIGNED = event("agreement.signed", Signed.class, Signed::partnershipId);
    /** Both signed the same version: it is in force. */
    public static final EventType<Activated> ACTIVATED = event("agreement.activated", Activated.class, Activated::partnershipId);
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

    /** Payload of agreement.review-due. */
    public record ReviewDue(UUID partnershipId, int version, LocalDate reviewDate) {
    }

    private AgreementEvents() {
    }

    private static <T> EventType<T> event(String name, Class<T> payload, java.util.function.Function<T, UUID> id) {
        return new EventType<>(name, Topics.PARTNERSHIP, 1, payload, id, data -> "partnerships/" + id.apply(data));
    }
}
