package dev.mentoring.matching.domain;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Builders of matching profiles for the rule tests. */
final class Profiles {

    private Profiles() {
    }

    static MatchingProfile mentor(String employeeId, int years, String zone, Set<String> languages, List<Skill> skills,
            Set<String> expertise) {
        return new MatchingProfile(UUID.randomUUID(), employeeId, null, true, skills, Set.of("software"), expertise,
                years, Seniority.SENIOR, LeadershipStyle.COACHING, CommunicationStyle.DIRECT, languages, ZoneId.of(zone),
                new MatchingProfile.MentorSide(2, true, Set.of("leadership"), Set.of()), null);
    }

    static MatchingProfile mentee(String employeeId, String managerId, String zone, Set<String> languages, String goals,
            List<Skill> desired) {
        return new MatchingProfile(UUID.randomUUID(), employeeId, managerId, true, List.of(), Set.of("software"), Set.of(),
                3, Seniority.JUNIOR, LeadershipStyle.DEMOCRATIC, CommunicationStyle.SUPPORTIVE, languages, ZoneId.of(zone), null,
                new MatchingProfile.MenteeSide(goals, desired, Set.of(), LeadershipStyle.COACHING, null, 3, true));
    }
}
