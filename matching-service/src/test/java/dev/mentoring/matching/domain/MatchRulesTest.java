package dev.mentoring.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MatchRulesTest {

    private static final Instant WINTER = Instant.parse("2026-01-15T12:00:00Z");

    private final MatchingProfile mentee = Profiles.mentee("E-1", "M-9", "Europe/Copenhagen", Set.of("da", "en"),
            "Grow into team leadership and get better at java architecture", List.of(new Skill("java", 4)));

    @Test
    void aGoodMentorScoresHighAndExplainsEveryCriterion() {
        MatchingProfile mentor = Profiles.mentor("M-1", 12, "Europe/Berlin", Set.of("en"),
                List.of(new Skill("java", 5)), Set.of("architecture"));
        MatchScore score = MatchRules.score(mentee, mentor, Weights.DEFAULT, WINTER);
        assertThat(score.contributions()).extracting(MatchScore.Contribution::criterion)
                .containsExactly(Criterion.values());
        assertThat(score.contributions().stream().mapToDouble(MatchScore.Contribution::points).sum())
                .isCloseTo(score.score(), org.assertj.core.data.Offset.offset(0.1));
        assertThat(score.score()).isGreaterThan(70);
        assertThat(MatchRules.points(mentee, mentor, Weights.DEFAULT, WINTER)).isEqualTo(score.points());
    }

    @Test
    void weightsChangeTheScore() {
        MatchingProfile mentor = Profiles.mentor("M-1", 1, "Europe/Berlin", Set.of("en"),
                List.of(new Skill("java", 5)), Set.of());
        int defaults = MatchRules.points(mentee, mentor, Weights.DEFAULT, WINTER);
        Weights onlyExperience = new Weights(java.util.Map.of(Criterion.EXPERIENCE_GAP, 100));
        assertThat(MatchRules.points(mentee, mentor, onlyExperience, WINTER)).isLessThan(defaults);
    }

    @Test
    void hardRulesExcludeWithTheirReason() {
        MatchingProfile manager = Profiles.mentor("M-9", 12, "Europe/Berlin", Set.of("en"), List.of(), Set.of());
        assertThat(MatchRules.exclusion(mentee, manager, 1, Set.of(), WINTER)).contains(Exclusion.IS_MENTEES_MANAGER);
        MatchingProfile french = Profiles.mentor("M-2", 12, "Europe/Paris", Set.of("fr"), List.of(), Set.of());
        assertThat(MatchRules.exclusion(mentee, french, 1, Set.of(), WINTER)).contains(Exclusion.NO_SHARED_LANGUAGE);
        MatchingProfile tokyo = Profiles.mentor("M-3", 12, "Asia/Tokyo", Set.of("en"), List.of(), Set.of());
        assertThat(MatchRules.exclusion(mentee, tokyo, 1, Set.of(), WINTER)).contains(Exclusion.TIME_ZONES_TOO_FAR_APART);
        MatchingProfile full = Profiles.mentor("M-4", 12, "Europe/Berlin", Set.of("en"), List.of(), Set.of());
        assertThat(MatchRules.exclusion(mentee, full, 0, Set.of(), WINTER)).contains(Exclusion.NO_CAPACITY_LEFT);
        assertThat(MatchRules.exclusion(mentee, full, 1, Set.of(full.id()), WINTER)).contains(Exclusion.ENDED_BEFORE);
        assertThat(MatchRules.exclusion(mentee, mentee, 1, Set.of(), WINTER)).contains(Exclusion.IS_THE_MENTEE);
        assertThat(MatchRules.exclusion(mentee, full, 1, Set.of(), WINTER)).isEmpty();
    }

    @Test
    void timeZonesAreComparedTheShortWayRound() {
        MatchingProfile auckland = Profiles.mentor("M-5", 12, "Pacific/Auckland", Set.of("en"), List.of(), Set.of());
        MatchingProfile hawaii = Profiles.mentee("E-2", null, "Pacific/Honolulu", Set.of("en"), "", List.of());
        assertThat(MatchRules.hoursApart(auckland, hawaii, WINTER)).isEqualTo(1); // +13 and -10: 23 h one way, 1 h the other
    }

    @Test
    void theCohortHotPathGivesWhatTheRulesGiveProfileByProfile() {
        SyntheticCohort cohort = new SyntheticCohort(60, 40, 5);
        assertCohortPathAgrees(cohort.mentees, cohort.mentors);
    }

    @Test
    void theCohortHotPathAgreesWithMoreLanguagesAndIndustriesThanABitSetHolds() {
        SyntheticCohort cohort = new SyntheticCohort(40, 30, 8);
        // every profile gets a language and an industry of its own besides its usual ones: 70 of each in all
        List<MatchingProfile> mentees = cohort.mentees.stream().map(MatchRulesTest::withOwnLanguageAndIndustry).toList();
        List<MatchingProfile> mentors = cohort.mentors.stream().map(MatchRulesTest::withOwnLanguageAndIndustry).toList();
        assertCohortPathAgrees(mentees, mentors);
    }

    private static void assertCohortPathAgrees(List<MatchingProfile> mentees, List<MatchingProfile> mentors) {
        int[] weights = MatchRules.weightArray(Weights.DEFAULT);
        MatchRules.PreparedCohort cohort = MatchRules.prepareCohort(mentees, mentors, WINTER);
        for (int i = 0; i < mentees.size(); i++) {
            MatchRules.Prepared alone = MatchRules.prepare(mentees.get(i), WINTER);
            MatchRules.Prepared e = cohort.mentees()[i];
            for (int j = 0; j < mentors.size(); j++) {
                MatchRules.Prepared mentorAlone = MatchRules.prepare(mentors.get(j), WINTER);
                MatchRules.Prepared m = cohort.mentors()[j];
                long both = MatchRules.pointsAndMenteeView(e, m, weights, Weights.DEFAULT.total());
                assertThat(MatchRules.pointsOf(both)).isEqualTo(MatchRules.points(alone, mentorAlone, weights, Weights.DEFAULT.total()))
                        .isEqualTo(MatchRules.score(alone, mentorAlone, Weights.DEFAULT).points());
                assertThat(MatchRules.menteeViewOf(both)).isEqualTo(MatchRules.menteeView(alone, mentorAlone));
                assertThat(MatchRules.mentorView(m, e)).isEqualTo(MatchRules.mentorView(mentorAlone, alone));
                assertThat(MatchRules.exclusion(e, m, 1, Set.of())).isEqualTo(MatchRules.exclusion(alone, mentorAlone, 1, Set.of()));
                assertThat(MatchRules.score(e, m, Weights.DEFAULT)).isEqualTo(MatchRules.score(alone, mentorAlone, Weights.DEFAULT));
            }
        }
    }

    private static MatchingProfile withOwnLanguageAndIndustry(MatchingProfile p) {
        Set<String> languages = new java.util.HashSet<>(p.languages());
        languages.add("l-" + p.employeeId());
        Set<String> industries = new java.util.HashSet<>(p.industries());
        industries.add("industry of " + p.employeeId());
        return new MatchingProfile(p.id(), p.employeeId(), p.managerEmployeeId(), p.active(), p.skills(), industries,
                p.expertise(), p.yearsOfExperience(), p.seniority(), p.leadership(), p.communication(), languages, p.zone(),
                p.mentor(), p.mentee());
    }

    @Test
    void termsTellApartDifferentWordsWithTheSameHash() {
        // "Aa" and "BB" share a hash code, and so do strings built from them; short ASCII words are compared exactly,
        // longer or non-ASCII ones by hash and then equals
        MatchRules.Terms mentee = MatchRules.Terms.of(List.of("AaAaAaAa", "Aa", "smørrebrød"));
        assertThat(MatchRules.Terms.of(List.of("BBBBBBBB")).countIn(mentee)).isZero();
        assertThat(MatchRules.Terms.of(List.of("BB")).countIn(mentee)).isZero();
        assertThat(MatchRules.Terms.of(List.of("AaAaAaAa", "Aa", "smørrebrød", "x")).countIn(mentee)).isEqualTo(3);
        assertThat(MatchRules.Terms.of(List.of(new String("smørrebrød"))).intersects(mentee)).isTrue();
        assertThat(MatchRules.Terms.of(List.of()).intersects(mentee)).isFalse();
    }

    @Test
    void experienceGapEdges() {
        assertThat(MatchRules.experienceGapFit(0)).isZero();
        assertThat(MatchRules.experienceGapFit(5)).isEqualTo(1.0);
        assertThat(MatchRules.experienceGapFit(15)).isEqualTo(1.0);
        assertThat(MatchRules.experienceGapFit(40)).isEqualTo(0.5);
    }

    @Test
    void hoursApartRoundsAsMathRoundDoesTheShortWayRound() {
        for (int seconds = 0; seconds <= 26 * 3_600; seconds++) {
            int hours = (int) Math.round(seconds / 3600.0) % 24;
            assertThat(MatchRules.hoursApart(seconds)).as("%d s", seconds).isEqualTo(Math.min(hours, 24 - hours)).isBetween(0, 12);
        }
        assertThat(MatchRules.hoursApart(26 * 3_600)).as("UTC+14 and UTC-12").isEqualTo(2);
    }
}
