package dev.mentoring.matching.application;

import java.util.List;

import dev.mentoring.matching.domain.CommunicationStyle;
import dev.mentoring.matching.domain.LeadershipStyle;
import dev.mentoring.matching.domain.Seniority;
import dev.mentoring.matching.domain.Skill;

/**
 * A participant's profile as written: whole by HR, or the part a person edits of their own (where a field left out,
 * null, keeps its value and HR's fields are ignored).
 */
public record ParticipantProfile(String displayName, String timeZone, List<String> languages, String managerEmployeeId,
        Integer yearsOfExperience, Seniority seniority, LeadershipStyle leadershipStyle, CommunicationStyle communicationStyle,
        List<Skill> skills, List<String> industries, List<String> expertise, MentorSide mentor, MenteeSide mentee) {

    /** The mentor side: capacity (HR's), whether they take new mentees, where they would mentor, whom they prefer. */
    public record MentorSide(Integer capacity, Boolean acceptingMentees, List<String> wouldMentorIn, String bio,
            List<Seniority> preferredMenteeSeniority) {
    }

    /** The mentee side: goals in their own words, desired skills, preferences, and whether they join cohort runs. */
    public record MenteeSide(String goals, List<Skill> desiredSkills, List<String> preferredIndustries,
            LeadershipStyle preferredLeadershipStyle, CommunicationStyle preferredCommunicationStyle, Integer maxTimeZoneGapHours,
            Boolean optedIn) {
    }
}
