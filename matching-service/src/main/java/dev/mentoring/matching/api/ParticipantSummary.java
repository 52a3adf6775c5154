package dev.mentoring.matching.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.mentoring.matching.domain.Seniority;
import dev.mentoring.matching.persistence.Participant;

/**
 * What a program admin sees of a participant: who they are in the program and their availability, never
 * the personal fields (goals in their own words, manager, preferences).
 */
@Schema(name = "ParticipantSummary")
public record ParticipantSummary(
        @Schema(required = true, enumeration = ParticipantSummary.VIEW,
                description = "Which view of a participant this is: the directory card, without personal fields") String view,
        UUID id, String employeeId, String displayName, boolean active, boolean mentor,
        boolean mentee, Seniority seniority, List<SkillLevel> skills, Integer mentorCapacity, Boolean acceptingMentees,
        Boolean optedInToMatching, OffsetDateTime updatedAt) {

    /** The value of {@code view} that names this shape. */
    public static final String VIEW = "DIRECTORY_CARD";

    public static ParticipantSummary of(Participant p) {
        return new ParticipantSummary(VIEW, p.id, p.employeeId, p.displayName, p.active, p.mentor, p.mentee, p.seniority,
                ParticipantView.skills(p.skills), p.mentor ? p.mentorCapacity : null, p.mentor ? p.mentorAccepting : null,
                p.mentee ? p.menteeOptedIn : null, p.updatedAt);
    }
}
