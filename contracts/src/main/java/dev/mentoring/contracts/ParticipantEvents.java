package dev.mentoring.contracts;

import java.util.List;
import java.util.UUID;

/**
 * matching-service's participant events on {@link Topics#PARTICIPANT}, keyed by the participant id. No names and
 * no free text.
 */
public final class ParticipantEvents {

    /** A participant was created or changed. */
    public static final EventType<ParticipantUpdated> UPDATED = event("participant.updated", ParticipantUpdated.class,
            ParticipantUpdated::participantId);
    /** The person takes no new matches (reactivation is a participant.updated). */
    public static final EventType<ParticipantDeactivated> DEACTIVATED = event("participant.deactivated",
            ParticipantDeactivated.class, ParticipantDeactivated::participantId);
    /** The person exercised the right to be forgotten: every service removes the personal data it holds. */
    public static final EventType<ParticipantErased> ERASED = event("participant.erased", ParticipantErased.class,
            ParticipantErased::participantId);

    /** Payload of participant.updated. */
    public record ParticipantUpdated(UUID participantId, String employeeId, boolean created, String timeZone,
            List<String> languages, long version, boolean active, boolean mentor, boolean mentee, Integer mentorCapacity,
            Boolean acceptingMentees) {
    }

    /** Payload of participant.deactivated. */
    public record ParticipantDeactivated(UUID participantId, String employeeId) {
    }

    /** Payload of participant.erased: the id and nothing else about the person. */
    public record ParticipantErased(UUID participantId) {
    }

    private ParticipantEvents() {
    }

    private static <T> EventType<T> event(String name, Class<T> payload, java.util.function.Function<T, UUID> id) {
        return new EventType<>(name, Topics.PARTICIPANT, 1, payload, id, data -> "participants/" + id.apply(data));
    }
}
