package dev.mentoring.sessions.events;

import java.util.List;
import java.util.UUID;

/**
 * What session-service reads of matching-service's {@code participant.updated} (schema v1). Fields it
 * does not use are ignored, so additive changes to the contract need no change here.
 */
public record ParticipantUpdated(UUID participantId, String employeeId, String timeZone, List<String> languages,
        long version) {

    public static final String TYPE = "participant.updated";
}
