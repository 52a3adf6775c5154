package dev.mentoring.matching.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of matching, plain Java: which mentors are excluded for a mentee (hard rules), how well a
 * pair matches (the weighted, explained match score), and how each side ranks the other for stable
 * matching (the mentee by its stated needs and preferences, the mentor by its own preferences).
 * <p>
 * Profiles are {@link #prepare prepared} once per run (words of the goals, clock offsets, skill levels),
 * so that scoring millions of pairs does no text or time-zone work.
 */
public final class MatchRules {

    private static final Criterion[] CRITERIA = Criterion.values();

    private MatchRules() {
    }

    /** A profile with what the rules derive from it, computed once. */
    public static final class Prepared {
        final MatchingProfile profile;
        final int offsetSeconds;
        final Set<String> topics;
        final List<List<String>> offeredAreas;
        final List<List<String>> wishAreas;
        final Map<String, Integer> skillLevels;

        private Prepared(MatchingProfile profile, Instant at) {
            this.profile = profile;
            this.offsetSeconds = profile.zone().getRules().getOffset(at).getTotalSeconds();
            this.topics = profile.isMentee() ? topicsOf(profile.mentee()) : Set.of();
            Set<String> offered = new LinkedHashSet<>(profile.expertise());
            if (profile.isMentor()) {
                offered.addAll(profile.mentor().wouldMentorIn());
            }
            this.offeredAreas = offered.stream().map(MatchRules::words).toList();
            this.wishAreas = profile.isMentor() ? profile.mentor().wouldMentorIn().stream().map(MatchRules::words).toList()
                    : List.of();
            Map<String, Integer> levels = new HashMap<>();
            profile.skills().forEach(skill -> levels.merge(skill.name(), skill.level(), Math::max));
            this.skillLevels = levels;
        }

        public MatchingProfile profile() {
            return profile;
        }
    }

    public static Prepared prepare(MatchingProfile profile, Instant at) {
        return new Prepared(profile, at);
    }

    /** The first hard rule that excludes this mentor for this mentee, if any. */
    public static Optional<Exclusion> exclusion(MatchingProfile mentee, MatchingProfile mentor, int remainingCapacity,
            Set<UUID> endedWith, Instant at) {
        return Optional.ofNullable(exclusion(prepare(mentee, at), prepare(mentor, at), remainingCapacity, endedWith));
    }

    /** The first hard rule that excludes this mentor for this mentee, or null. */
    public static Exclusion exclusion(Prepared mentee, Prepared mentor, int remainingCapacity, Set<UUID> endedWith) {
        MatchingProfile e = mentee.profile;
        MatchingProfile m = mentor.profile;
        if (e.id().equals(m.id())) {
            return Exclusion.IS_THE_MENTEE;
        }
        if (!m.isMentor()) {
            return Exclusion.NOT_A_MENTOR;
        }
        if (!m.active()) {
            return Exclusion.INACTIVE;
        }
        if (e.managerEmployeeId() != null && e.managerEmployeeId().equals(m.employeeId())) {
            return Exclusion.IS_MENTEES_MANAGER;
        }
        if (endedWith.contains(m.id())) {
            return Exclusion.ENDED_BEFORE;
        }
        if (!m.mentor().accepting()) {
            return Exclusion.NOT_ACCEPTING;
        }
        if (remainingCapacity <= 0) {
            return Exclusion.NO_CAPACITY_LEFT;
        }
        if (sharedLanguages(e, m) == 0) {
            return Exclusion.NO_SHARED_LANGUAGE;
        }
        if (hoursApart(mentee, mentor) > e.mentee().maxTimeZoneGapHours()) {
            return Exclusion.TIME_ZONES_TOO_FAR_APART;
        }
        return null;
    }

    /** The match score of a pair and its explanation. */
    public static MatchScore score(MatchingProfile mentee, MatchingProfile mentor, Weights weights, Instant at) {
        return score(prepare(mentee, at), prepare(mentor, at), weights);
    }

    public static MatchScore score(Prepared mentee, Prepared mentor, Weights weights) {
        List<MatchScore.Contribution> contributions = new ArrayList<>(CRITERIA.length);
        double weighted = 0;
        for (Criterion criterion : CRITERIA) {
            int weight = weights.of(criterion);
            double fit = fit(criterion, mentee, mentor);
            double points = 100.0 * weight * fit / weights.total();
            weighted += points;
            contributions.add(new MatchScore.Contribution(criterion, weight, round(fit), round(points)));
        }
        return new MatchScore((int) Math.round(weighted * 10), List.copyOf(contributions));
    }

    /** The score alone, in tenths. */
    public static int points(MatchingProfile mentee, MatchingProfile mentor, Weights weights, Instant at) {
        return points(prepare(mentee, at), prepare(mentor, at), weightArray(weights), weights.total());
    }

    /** The weights by criterion ordinal, for {@link #points(Prepared, Prepared, int[], int)}. */
    public static int[] weightArray(Weights weights) {
        int[] array = new int[CRITERIA.length];
        for (Criterion criterion : CRITERIA) {
            array[criterion.ordinal()] = weights.of(criterion);
        }
        return array;
    }

    /** The score alone, in tenths (0-1000): the hot path of cohort runs. */
    public static int points(Prepared mentee, Prepared mentor, int[] weights, int totalWeight) {
        double weighted = 0;
        for (Criterion criterion : CRITERIA) {
            int weight = weights[criterion.ordinal()];
            if (weight > 0) {
                weighted += weight * fit(criterion, mentee, mentor);
            }
        }
        return (int) Math.round(1_000.0 * weighted / totalWeight);
    }

    static double fit(Criterion criterion, Prepared mentee, Prepared mentor) {
        MatchingProfile e = mentee.profile;
        MatchingProfile m = mentor.profile;
        return switch (criterion) {
            case SKILLS -> skillCoverage(e.mentee().desiredSkills(), mentor.skillLevels);
            case GOALS_EXPERTISE -> goalsCoverage(mentee.topics, mentor.offeredAreas);
            case INDUSTRY -> industryFit(e.mentee().preferredIndustries(), e.industries(), m.industries());
            case EXPERIENCE_GAP -> experienceGapFit(m.yearsOfExperience() - e.yearsOfExperience());
            case STYLES -> styleFit(e.mentee(), m);
            case LANGUAGE -> Math.min(1.0, 0.8 + 0.2 * (sharedLanguages(e, m) - 1));
            case TIME_ZONE -> 1.0 - hoursApart(mentee, mentor) / (double) Math.max(1, e.mentee().maxTimeZoneGapHours() + 1);
        };
    }

    /** Mean over the desired skills of how far the mentor's level reaches the target (1 when at or above). */
    static double skillCoverage(List<Skill> desired, Map<String, Integer> mentorLevels) {
        if (desired.isEmpty()) {
            return 0.5;
        }
        double sum = 0;
        for (Skill wanted : desired) {
            int level = mentorLevels.getOrDefault(wanted.name(), 0);
            sum += Math.min(1.0, level / (double) wanted.level());
        }
        return sum / desired.size();
    }

    /** Share of the mentor's expertise and mentoring wishes found in the mentee's goals and desired skills, saturating at two. */
    static double goalsCoverage(Set<String> topics, List<List<String>> offeredAreas) {
        if (topics.isEmpty()) {
            return 0.5;
        }
        int matched = 0;
        for (List<String> area : offeredAreas) {
            if (covers(topics, area)) {
                matched++;
            }
        }
        return Math.min(1.0, matched / 2.0);
    }

    private static boolean covers(Set<String> topics, List<String> areaWords) {
        if (areaWords.isEmpty()) {
            return false;
        }
        for (String word : areaWords) {
            if (!topics.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** The words of the mentee's goals and desired skills, lower case. */
    static Set<String> topicsOf(MatchingProfile.MenteeSide mentee) {
        Set<String> topics = new HashSet<>(words(mentee.goals() == null ? "" : mentee.goals()));
        for (Skill skill : mentee.desiredSkills()) {
            topics.addAll(words(skill.name()));
        }
        return topics;
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}+#]+")) {
            if (word.length() >= 2) {
                words.add(word);
            }
        }
        return words;
    }

    /** 1 for a preferred industry, 0.6 for the mentee's own industry, 0.5 when the mentee has no preference. */
    static double industryFit(Set<String> preferred, Set<String> menteeIndustries, Set<String> mentorIndustries) {
        if (intersects(preferred, mentorIndustries)) {
            return 1.0;
        }
        if (intersects(menteeIndustries, mentorIndustries)) {
            return 0.6;
        }
        return preferred.isEmpty() ? 0.5 : 0.0;
    }

    /** Nothing for a mentor with no more experience; rising to 1 at 5 years ahead; 1 up to 15; then slowly down. */
    static double experienceGapFit(int years) {
        if (years <= 0) {
            return 0.0;
        }
        if (years < 5) {
            return years / 5.0;
        }
        if (years <= 15) {
            return 1.0;
        }
        return Math.max(0.5, 1.0 - (years - 15) / 20.0);
    }

    /** Half for the leadership style, half for the communication style; a missing preference counts half. */
    static double styleFit(MatchingProfile.MenteeSide mentee, MatchingProfile mentor) {
        double leadership = mentee.preferredLeadership() == null ? 0.25
                : mentee.preferredLeadership() == mentor.leadership() ? 0.5 : 0.0;
        double communication = mentee.preferredCommunication() == null ? 0.25
                : mentee.preferredCommunication() == mentor.communication() ? 0.5 : 0.0;
        return leadership + communication;
    }

    static int sharedLanguages(MatchingProfile a, MatchingProfile b) {
        int shared = 0;
        for (String language : a.languages()) {
            if (b.languages().contains(language)) {
                shared++;
            }
        }
        return shared;
    }

    /** Hours between the two local clocks at that instant, the short way round (0-12). */
    static int hoursApart(MatchingProfile a, MatchingProfile b, Instant at) {
        return hoursApart(prepare(a, at), prepare(b, at));
    }

    static int hoursApart(Prepared a, Prepared b) {
        int hours = (int) Math.round(Math.abs(a.offsetSeconds - b.offsetSeconds) / 3600.0);
        return Math.min(hours, 24 - hours);
    }

    /**
     * How much the mentee wants this mentor, by its own stated needs and preferences only: desired skills,
     * goals, preferred industries and styles (0-10000).
     */
    public static int menteeView(Prepared mentee, Prepared mentor) {
        MatchingProfile.MenteeSide side = mentee.profile.mentee();
        double fit = 0.4 * skillCoverage(side.desiredSkills(), mentor.skillLevels)
                + 0.3 * goalsCoverage(mentee.topics, mentor.offeredAreas)
                + 0.15 * industryFit(side.preferredIndustries(), Set.of(), mentor.profile.industries())
                + 0.15 * styleFit(side, mentor.profile);
        return (int) Math.round(fit * 10_000);
    }

    /**
     * How much the mentor wants this mentee, by the mentor's own preferences: what they would like to
     * mentor in against the mentee's goals, the mentee seniority they prefer, and a useful experience gap
     * (0-10000).
     */
    public static int mentorView(Prepared mentor, Prepared mentee) {
        double wishFit;
        if (mentor.wishAreas.isEmpty()) {
            wishFit = 0.5;
        } else {
            int covered = 0;
            for (List<String> wish : mentor.wishAreas) {
                if (covers(mentee.topics, wish)) {
                    covered++;
                }
            }
            wishFit = covered / (double) mentor.wishAreas.size();
        }
        Set<Seniority> preferred = mentor.profile.mentor().preferredMenteeSeniority();
        double seniorityFit = preferred.isEmpty() ? 0.5 : preferred.contains(mentee.profile.seniority()) ? 1.0 : 0.0;
        double fit = 0.5 * wishFit + 0.3 * seniorityFit
                + 0.2 * experienceGapFit(mentor.profile.yearsOfExperience() - mentee.profile.yearsOfExperience());
        return (int) Math.round(fit * 10_000);
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        for (String value : a) {
            if (b.contains(value)) {
                return true;
            }
        }
        return false;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
