package dev.mentoring.matching.domain;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What matching knows of a participant: the common part, and the mentor and mentee sides when the
 * person takes that role (null otherwise). Plain values, no framework.
 */
public record MatchingProfile(UUID id, String employeeId, String managerEmployeeId, boolean active,
        List<Skill> skills, Set<String> industries, Set<String> expertise, int yearsOfExperience,
        Seniority seniority, LeadershipStyle leadership, CommunicationStyle communication,
        Set<String> languages, ZoneId zone, MentorSide mentor, MenteeSide mentee) {

    /** As a mentor: how many mentees at once, whether accepting, and what they would like to mentor in. */
    public record MentorSide(int capacity, boolean accepting, Set<String> wouldMentorIn,
            Set<Seniority> preferredMenteeSeniority) {
    }

    /**
     * As a mentee: goals in their own words, the skills and target levels they want, and preferences
     * (null or empty when they have none).
     */
    public record MenteeSide(String goals, List<Skill> desiredSkills, Set<String> preferredIndustries,
            LeadershipStyle preferredLeadership, CommunicationStyle preferredCommunication,
            int maxTimeZoneGapHours, boolean optedIn) {
    }

    public boolean isMentor() {
        return mentor != null;
    }

    public boolean isMentee() {
        return mentee != null;
    }
}
