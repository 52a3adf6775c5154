package dev.mentoring.matching.persistence;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.mentoring.matching.domain.MatchingProfile;
import dev.mentoring.matching.domain.Seniority;
import dev.mentoring.matching.domain.Skill;

/** Between the stored participant and the plain matching profile the rules work on. */
public final class ProfileMapping {

    private ProfileMapping() {
    }

    public static MatchingProfile toMatching(Participant p) {
        MatchingProfile.MentorSide mentor = p.mentor
                ? new MatchingProfile.MentorSide(p.mentorCapacity, p.mentorAccepting, Set.of(p.mentorWouldMentorIn),
                        Arrays.stream(p.mentorPreferredSeniority).map(Seniority::valueOf).collect(Collectors.toUnmodifiableSet()))
                : null;
        MatchingProfile.MenteeSide mentee = p.mentee
                ? new MatchingProfile.MenteeSide(p.menteeGoals, decodeSkills(p.menteeDesiredSkills),
                        Set.of(p.menteePreferredIndustries), p.menteePreferredLeadership, p.menteePreferredCommunication,
                        p.menteeMaxTimeZoneGap, p.menteeOptedIn)
                : null;
        return new MatchingProfile(p.id, p.employeeId, p.managerEmployeeId, p.active && p.erasedAt == null,
                decodeSkills(p.skills), Set.of(p.industries), Set.of(p.expertise), p.yearsOfExperience, p.seniority,
                p.leadershipStyle, p.communicationStyle, Set.of(p.languages), ZoneId.of(p.timeZone), mentor, mentee);
    }

    /**
     * A mentee's profile as matching in a program sees it: the intake's areas to develop join the desired skills (at level
     * 3, where the profile does not name them already) and its goals' statements join the goals in their own words.
     */
    public static MatchingProfile withIntake(MatchingProfile profile, String[] areasToDevelop, String goalWords) {
        if (profile.mentee() == null || ((areasToDevelop == null || areasToDevelop.length == 0) && (goalWords == null || goalWords.isBlank()))) {
            return profile;
        }
        MatchingProfile.MenteeSide m = profile.mentee();
        List<Skill> desired = new ArrayList<>(m.desiredSkills());
        Set<String> named = desired.stream().map(Skill::name).collect(Collectors.toSet());
        for (String area : areasToDevelop == null ? new String[0] : areasToDevelop) {
            if (named.add(area)) {
                desired.add(new Skill(area, 3));
            }
        }
        String goals = goalWords == null || goalWords.isBlank() ? m.goals() : (m.goals() == null ? "" : m.goals() + " ") + goalWords;
        return withMenteeSide(profile, new MatchingProfile.MenteeSide(goals, List.copyOf(desired), m.preferredIndustries(),
                m.preferredLeadership(), m.preferredCommunication(), m.maxTimeZoneGapHours(), m.optedIn()));
    }

    /**
     * The mentee's profile under a program's hard rule on hours apart: their own limit, or the program's where it is
     * smaller (unchanged when the program has none, or for a profile that is not a mentee's).
     */
    public static MatchingProfile withHoursApartAtMost(MatchingProfile profile, Integer maxHoursApart) {
        MatchingProfile.MenteeSide m = profile.mentee();
        if (maxHoursApart == null || m == null || m.maxTimeZoneGapHours() <= maxHoursApart) {
            return profile;
        }
        return withMenteeSide(profile, new MatchingProfile.MenteeSide(m.goals(), m.desiredSkills(), m.preferredIndustries(),
                m.preferredLeadership(), m.preferredCommunication(), maxHoursApart, m.optedIn()));
    }

    /** The profile with another mentee side, the rest as it is. */
    private static MatchingProfile withMenteeSide(MatchingProfile profile, MatchingProfile.MenteeSide side) {
        return new MatchingProfile(profile.id(), profile.employeeId(), profile.managerEmployeeId(), profile.active(), profile.skills(),
                profile.industries(), profile.expertise(), profile.yearsOfExperience(), profile.seniority(), profile.leadership(),
                profile.communication(), profile.languages(), profile.zone(), profile.mentor(), side);
    }

    /** Skills as stored: "name:level". */
    public static String[] encodeSkills(List<Skill> skills) {
        return skills.stream().map(skill -> skill.name() + ":" + skill.level()).distinct().toArray(String[]::new);
    }

    public static List<Skill> decodeSkills(String[] stored) {
        List<Skill> skills = new ArrayList<>(stored.length);
        for (String entry : stored) {
            int colon = entry.lastIndexOf(':');
            skills.add(new Skill(entry.substring(0, colon), Integer.parseInt(entry.substring(colon + 1))));
        }
        return skills;
    }

    /** Terms as stored: trimmed, lower case, distinct, in the order given. */
    public static String[] terms(List<String> values) {
        Set<String> terms = new LinkedHashSet<>();
        for (String value : values) {
            terms.add(value.strip().toLowerCase(java.util.Locale.ROOT));
        }
        return terms.toArray(String[]::new);
    }
}
