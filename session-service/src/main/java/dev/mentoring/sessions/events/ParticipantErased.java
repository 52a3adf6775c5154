package dev.mentoring.sessions.events;

import java.util.UUID;

/** What session-service reads of {@code participant.erased} (schema v1): remove what it holds of the person. */
public record ParticipantErased(UUID participantId) {

    public static final String TYPE = "participant.erased";
}
