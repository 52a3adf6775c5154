package dev.mentoring.matching.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.mentoring.plumbing.outbox.DomainEvent;
import dev.mentoring.contracts.Topics;

/** Agreement events on {@link Topics#PARTNERSHIP}, keyed by the partnership id. */
public final class AgreementEvents {

    public static final String SIGNED = "agreement.signed";
    public static final String ACTIVATED = "agreement.activated";
    public static final String REVIEW_DUE = "agreement.review-due";

    /** agreement.signed: one of the two signed a version. */
    public record Signed(UUID partnershipId, int version, String signedBy) {
    }

    /** A goal as session-service and feedback-service need it. */
    public record GoalSummary(UUID goalId, String title, String measure, String target, LocalDate dueDate) {
    }

    /** agreement.activated: both signed the same version; it is in force. */
    public record Activated(UUID partnershipId, int version, String cadence, int sessionMinutes, LocalDate reviewDate,
            List<GoalSummary> goals) {
    }

    /** agreement.review-due: the review date of the agreement in force has come. */
    public record ReviewDue(UUID partnershipId, int version, LocalDate reviewDate) {
    }

    private AgreementEvents() {
    }

    public static DomainEvent of(String tenant, UUID partnershipId, String type, Object payload) {
        return new DomainEvent(Topics.PARTNERSHIP, partnershipId.toString(), type, 1, "partnerships/" + partnershipId,
                tenant, payload);
    }
}
