package dev.mentoring.matching.api;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.mentoring.matching.domain.CommunicationStyle;
import dev.mentoring.matching.domain.LeadershipStyle;
import dev.mentoring.matching.domain.Seniority;
import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.ProfileMapping;

/** A participant's whole profile, personal fields included: for the person themselves and their HR platform. */
@Schema(name = "ParticipantView")
public record ParticipantView(
        @Schema(required = true, enumeration = ParticipantView.VIEW,
                description = "Which view of a participant this is: the whole profile") String view,
        UUID id, String employeeId, String displayName, String timeZone, List<String> languages,
        boolean active, String managerEmployeeId, int yearsOfExperience, Seniority seniority,
        LeadershipStyle leadershipStyle, CommunicationStyle communicationStyle, List<SkillLevel> skills,
        List<String> industries, List<String> expertise, MentorDetails mentor, MenteeDetails mentee,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** The value of {@code view} that names this shape. */
    public static final String VIEW = "PROFILE";

    public static ParticipantView of(Participant p) {
        return new ParticipantView(VIEW, p.id, p.employeeId, p.displayName, p.timeZone, List.of(p.languages), p.active,
                p.managerEmployeeId, p.yearsOfExperience, p.seniority, p.leadershipStyle, p.communicationStyle,
                skills(p.skills), List.of(p.industries), List.of(p.expertise), mentorOf(p), menteeOf(p), p.createdAt,
                p.updatedAt);
    }

    static List<SkillLevel> skills(String[] stored) {
        return ProfileMapping.decodeSkills(stored).stream().map(s -> new SkillLevel(s.name(), s.level())).toList();
    }

    static MentorDetails mentorOf(Participant p) {
        return p.mentor ? new MentorDetails(p.mentorCapacity, p.mentorAccepting, List.of(p.mentorWouldMentorIn),
                Arrays.stream(p.mentorPreferredSeniority).map(Seniority::valueOf).toList(), p.mentorBio) : null;
    }

    static MenteeDetails menteeOf(Participant p) {
        return p.mentee ? new MenteeDetails(p.menteeGoals, skills(p.menteeDesiredSkills), List.of(p.menteePreferredIndustries),
                p.menteePreferredLeadership, p.menteePreferredCommunication, p.menteeMaxTimeZoneGap, p.menteeOptedIn) : null;
    }
}
