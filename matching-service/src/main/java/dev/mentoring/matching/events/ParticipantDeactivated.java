package dev.mentoring.matching.events;

import java.util.UUID;

/** Payload of {@code participant.deactivated}: the person takes no new matches (reactivation is a participant.updated). */
public record ParticipantDeactivated(UUID participantId, String employeeId) {

    public static final String TYPE = "participant.deactivated";
    public static final int SCHEMA_VERSION = 1;
}
