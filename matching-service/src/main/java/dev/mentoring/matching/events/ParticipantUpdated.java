package dev.mentoring.matching.events;

import java.util.List;
import java.util.UUID;

/**
 * Payload of {@code participant.updated} (schema docs/events/schemas/participant.updated.v1.json):
 * a participant was created or changed. Carries no names or free text.
 */
public record ParticipantUpdated(UUID participantId, String employeeId, boolean created, String timeZone,
        List<String> languages, long version, boolean active, boolean mentor, boolean mentee, Integer mentorCapacity,
        Boolean acceptingMentees) {

    public static final String TYPE = "participant.updated";
    public static final int SCHEMA_VERSION = 1;
}
