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
    }

    public record AgreementGoal(UUID goalId, String title, LocalDate dueDate) {
    }

    public record AgreementActivated(UUID partnershipId, int version, String cadence, List<AgreementGoal> goals) {
    }

    public record SessionChanged(UUID sessionId, UUID partnershipId, OffsetDateTime startsAt, OffsetDateTime endsAt,
            String state, String attendance, Boolean cancelledLate, int sequence) {
    }
}
