package dev.mentoring.matching.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of matching, plain Java: which mentors are excluded for a mentee (hard rules), how well a
 * pair matches (the weighted, explained match score), and how each side ranks the other for stable
 * matching (the mentee by its stated needs and preferences, the mentor by its own preferences).
 */
public final class MatchRules {

    private MatchRules() {
    }

    /** The first hard rule that excludes this mentor for this mentee, if any. */
    public static Optional<Exclusion> exclusion(MatchingProfile mentee, MatchingProfile mentor, int remainingCapacity,
            Set<UUID> endedWith, Instant at) {
        if (mentee.id().equals(mentor.id())) {
            return Optional.of(Exclusion.IS_THE_MENTEE);
        }
        if (!mentor.isMentor()) {
            return Optional.of(Exclusion.NOT_A_MENTOR);
        }
        if (!mentor.active()) {
            return Optional.of(Exclusion.INACTIVE);
        }
        if (!mentor.mentor().accepting()) {
            return Optional.of(Exclusion.NOT_ACCEPTING);
        }
        if (remainingCapacity <= 0) {
            return Optional.of(Exclusion.NO_CAPACITY_LEFT);
        }
        if (mentee.managerEmployeeId() != null && mentee.managerEmployeeId().equals(mentor.employeeId())) {
            return Optional.of(Exclusion.IS_MENTEES_MANAGER);
        }
        if (endedWith.contains(mentor.id())) {
            return Optional.of(Exclusion.ENDED_BEFORE);
        }
        if (sharedLanguages(mentee, mentor) == 0) {
            return Optional.of(Exclusion.NO_SHARED_LANGUAGE);
        }
        if (hoursApart(mentee, mentor, at) > mentee.mentee().maxTimeZoneGapHours()) {
            return Optional.of(Exclusion.TIME_ZONES_TOO_FAR_APART);
        }
        return Optional.empty();
    }

    /** The match score of a pair and its explanation. */
    public static MatchScore score(MatchingProfile mentee, MatchingProfile mentor, Weights weights, Instant at) {
        List<MatchScore.Contribution> contributions = new ArrayList<>(Criterion.values().length);
        double weighted = 0;
        for (Criterion criterion : Criterion.values()) {
            int weight = weights.of(criterion);
            double fit = fit(criterion, mentee, mentor, at);
            double points = 100.0 * weight * fit / weights.total();
            weighted += points;
            contributions.add(new MatchScore.Contribution(criterion, weight, round(fit), round(points)));
        }
        return new MatchScore((int) Math.round(weighted * 100), List.copyOf(contributions));
    }

    /** The score alone, in hundredths: the hot path of cohort runs. */
    public static int points(MatchingProfile mentee, MatchingProfile mentor, Weights weights, Instant at) {
        double weighted = 0;
        for (Criterion criterion : Criterion.values()) {
            int weight = weights.of(criterion);
            if (weight > 0) {
                weighted += weight * fit(criterion, mentee, mentor, at);
            }
        }
        return (int) Math.round(10_000.0 * weighted / weights.total());
    }

    static double fit(Criterion criterion, MatchingProfile mentee, MatchingProfile mentor, Instant at) {
        return switch (criterion) {
            case SKILLS -> skillCoverage(mentee.mentee().desiredSkills(), mentor.skills());
            case GOALS_EXPERTISE -> goalsCoverage(mentee, mentor);
            case INDUSTRY -> industryFit(mentee.mentee().preferredIndustries(), mentee.industries(), mentor.industries());
            case EXPERIENCE_GAP -> experienceGapFit(mentor.yearsOfExperience() - mentee.yearsOfExperience());
            case STYLES -> styleFit(mentee.mentee(), mentor);
            case LANGUAGE -> Math.min(1.0, 0.8 + 0.2 * (sharedLanguages(mentee, mentor) - 1));
            case TIME_ZONE -> 1.0 - hoursApart(mentee, mentor, at) / (double) Math.max(1, mentee.mentee().maxTimeZoneGapHours() + 1);
        };
    }

    /** Mean over the desired skills of how far the mentor's level reaches the target (1 when at or above). */
    static double skillCoverage(List<Skill> desired, List<Skill> mentorSkills) {
        if (desired.isEmpty()) {
            return 0.5;
        }
        double sum = 0;
        for (Skill wanted : desired) {
            int level = 0;
            for (Skill has : mentorSkills) {
                if (has.name().equals(wanted.name())) {
                    level = has.level();
                    break;
                }
            }
            sum += Math.min(1.0, level / (double) wanted.level());
        }
        return sum / desired.size();
    }

    /** Share of the mentor's expertise and mentoring wishes found in the mentee's goals and desired skills, saturating at two. */
    static double goalsCoverage(MatchingProfile mentee, MatchingProfile mentor) {
        Set<String> topics = topicsOf(mentee.mentee());
        if (topics.isEmpty()) {
            return 0.5;
        }
        Set<String> offered = new HashSet<>(mentor.expertise());
        offered.addAll(mentor.mentor().wouldMentorIn());
        int matched = 0;
        for (String area : offered) {
            if (covers(topics, area)) {
                matched++;
            }
        }
        return Math.min(1.0, matched / 2.0);
    }

    private static boolean covers(Set<String> topics, String area) {
        for (String word : words(area)) {
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
        int seconds = Math.abs(a.zone().getRules().getOffset(at).getTotalSeconds()
                - b.zone().getRules().getOffset(at).getTotalSeconds());
        int hours = (int) Math.round(seconds / 3600.0);
        return Math.min(hours, 24 - hours);
    }

    /**
     * How much the mentee wants this mentor, by its own stated needs and preferences only: desired skills,
     * goals, preferred industries and styles (0-10000).
     */
    public static int menteeView(MatchingProfile mentee, MatchingProfile mentor, Instant at) {
        double fit = 0.4 * skillCoverage(mentee.mentee().desiredSkills(), mentor.skills())
                + 0.3 * goalsCoverage(mentee, mentor)
                + 0.15 * industryFit(mentee.mentee().preferredIndustries(), Set.of(), mentor.industries())
                + 0.15 * styleFit(mentee.mentee(), mentor);
        return (int) Math.round(fit * 10_000);
    }

    /**
     * How much the mentor wants this mentee, by the mentor's own preferences: what they would like to
     * mentor in against the mentee's goals, the mentee seniority they prefer, and a useful experience gap
     * (0-10000).
     */
    public static int mentorView(MatchingProfile mentor, MatchingProfile mentee) {
        Set<String> topics = topicsOf(mentee.mentee());
        Set<String> wishes = mentor.mentor().wouldMentorIn();
        double wishFit = wishes.isEmpty() ? 0.5
                : wishes.stream().filter(area -> covers(topics, area)).count() / (double) wishes.size();
        Set<Seniority> preferred = mentor.mentor().preferredMenteeSeniority();
        double seniorityFit = preferred.isEmpty() ? 0.5 : preferred.contains(mentee.seniority()) ? 1.0 : 0.0;
        double fit = 0.5 * wishFit + 0.3 * seniorityFit
                + 0.2 * experienceGapFit(mentor.yearsOfExperience() - mentee.yearsOfExperience());
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
