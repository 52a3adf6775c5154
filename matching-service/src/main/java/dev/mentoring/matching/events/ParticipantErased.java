package dev.mentoring.matching.events;

import java.util.UUID;

/**
 * Payload of {@code participant.erased}: the person exercised the right to be forgotten. Every service
 * removes the personal data it holds of this participant id. Carries nothing else about the person.
 */
public record ParticipantErased(UUID participantId) {

    public static final String TYPE = "participant.erased";
    public static final int SCHEMA_VERSION = 1;
}
