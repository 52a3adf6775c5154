package dev.mentoring.feedback.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The data of the other services' events that feedback-service reads (unknown fields are ignored). */
public final class ConsumedEvents {

    private ConsumedEvents() {
    }

    public record ParticipantUpdated(UUID participantId, String employeeId, long version) {
    }

    public record ParticipantErased(UUID participantId) {
    }

    public record PartnershipChanged(UUID partnershipId, UUID menteeId, UUID mentorId, String state, String cadence,
            OffsetDateTime at) {

        /** The partnership events of mentoring.partnership.v1 (the request events are not needed here). */
        public static final java.util.Set<String> TYPES = java.util.Set.of("partnership.started", "partnership.paused",
                "partnership.resumed", "partnership.completed", "partnership.ended");

        /** The states the contract allows. */
        public static final java.util.Set<String> STATES = java.util.Set.of("ACTIVE", "PAUSED", "COMPLETED", "ENDED_EARLY");

        /** Why this event cannot be applied, or null when it can (the reason on the dead-letter topic). */
        public String unusable() {
            if (partnershipId == null || menteeId == null || mentorId == null || at == null) {
                return "partnershipId, menteeId, mentorId and at are required";
            }
            if (state == null || !STATES.contains(state)) {
                return "state " + state + " is not one of " + STATES;
            }
            return null;
        }
    }

    public record AgreementGoal(UUID goalId, String title, LocalDate dueDate) {
    }

    public record AgreementActivated(UUID partnershipId, int version, String cadence, List<AgreementGoal> goals) {
    }

    public record SessionChanged(UUID sessionId, UUID partnershipId, OffsetDateTime startsAt, OffsetDateTime endsAt,
            String state, String attendance, Boolean cancelledLate, int sequence) {
    }
}
