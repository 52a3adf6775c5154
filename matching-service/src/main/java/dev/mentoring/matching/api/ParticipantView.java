package dev.mentoring.matching.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.mentoring.matching.persistence.Participant;

/** A participant's profile as its owner sees it. */
public record ParticipantView(UUID id, String employeeId, String displayName, String timeZone,
        List<String> languages, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static ParticipantView of(Participant participant) {
        return new ParticipantView(participant.id, participant.employeeId, participant.displayName,
                participant.timeZone, List.of(participant.languages), participant.createdAt, participant.updatedAt);
    }
}
