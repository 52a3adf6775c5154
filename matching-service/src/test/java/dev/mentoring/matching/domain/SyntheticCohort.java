package dev.mentoring.matching.domain;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/** A realistic random cohort of a given size, the same for the same seed: for tests and benchmarks. */
public final class SyntheticCohort {

    private static final String[] SKILLS = { "java", "kotlin", "sql", "cloud", "security", "testing", "design",
            "leadership", "negotiation", "finance", "marketing", "data", "ml", "product", "sales", "hiring" };
    private static final String[] INDUSTRIES = { "software", "banking", "retail", "health", "energy", "public" };
    private static final String[] ZONES = { "Europe/Copenhagen", "Europe/London", "Europe/Berlin", "America/New_York",
            "Asia/Kolkata", "Europe/Helsinki" };
    private static final String[] LANGUAGES = { "en", "da", "de", "fr", "sv" };

    public final List<MatchingProfile> mentees = new ArrayList<>();
    public final List<MatchingProfile> mentors = new ArrayList<>();
    public final Map<UUID, Integer> capacity = new HashMap<>();

    public SyntheticCohort(int menteeCount, int mentorCount, long seed) {
        Random random = new Random(seed);
        for (int j = 0; j < mentorCount; j++) {
            MatchingProfile mentor = new MatchingProfile(UUID.randomUUID(), "M-" + j, null, true, skills(random, 5),
                    pick(random, INDUSTRIES, 2), pick(random, SKILLS, 3), 8 + random.nextInt(20),
                    Seniority.values()[2 + random.nextInt(3)], LeadershipStyle.values()[random.nextInt(6)],
                    CommunicationStyle.values()[random.nextInt(5)], languages(random), ZoneId.of(ZONES[random.nextInt(ZONES.length)]),
                    new MatchingProfile.MentorSide(1 + random.nextInt(5), random.nextDouble() < 0.95, pick(random, SKILLS, 2),
                            Set.of(Seniority.values()[random.nextInt(2)])), null);
            mentors.add(mentor);
            capacity.put(mentor.id(), mentor.mentor().capacity());
        }
        for (int i = 0; i < menteeCount; i++) {
            Set<String> topics = pick(random, SKILLS, 3);
            mentees.add(new MatchingProfile(UUID.randomUUID(), "E-" + i, "M-" + random.nextInt(Math.max(1, mentorCount)), true,
                    skills(random, 2), pick(random, INDUSTRIES, 1), Set.of(), random.nextInt(8), Seniority.values()[random.nextInt(2)],
                    LeadershipStyle.values()[random.nextInt(6)], CommunicationStyle.values()[random.nextInt(5)], languages(random),
                    ZoneId.of(ZONES[random.nextInt(ZONES.length)]), null,
                    new MatchingProfile.MenteeSide("I want to get better at " + String.join(" and ", topics),
                            skills(random, 3), pick(random, INDUSTRIES, random.nextInt(2)),
                            random.nextBoolean() ? LeadershipStyle.values()[random.nextInt(6)] : null,
                            random.nextBoolean() ? CommunicationStyle.values()[random.nextInt(5)] : null,
                            3 + random.nextInt(6), true)));
        }
    }

    private static Set<String> languages(Random random) {
        Set<String> languages = new HashSet<>(Set.of("en"));
        if (random.nextDouble() < 0.1) {
            languages.remove("en");
        }
        languages.add(LANGUAGES[1 + random.nextInt(LANGUAGES.length - 1)]);
        return languages;
    }

    private static List<Skill> skills(Random random, int count) {
        List<Skill> skills = new ArrayList<>();
        for (String name : pick(random, SKILLS, count)) {
            skills.add(new Skill(name, 1 + random.nextInt(5)));
        }
        return skills;
    }

    private static Set<String> pick(Random random, String[] from, int count) {
        Set<String> picked = new HashSet<>();
        while (picked.size() < count) {
            picked.add(from[random.nextInt(from.length)]);
        }
        return picked;
    }
}
