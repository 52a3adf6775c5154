package dev.mentoring.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The best mentors are chosen without sorting every candidate: the same as a full sort, ties broken by id; and mentors
 * prepared together and kept ({@link MatchRules.PreparedMentors}) recommend exactly what the profiles do.
 */
class RecommendationsTest {

    private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");

    /** The reference: every eligible mentor's points, fully sorted (most points, then the smallest id). */
    private static List<UUID> fullSort(MatchingProfile mentee, SyntheticCohort cohort, Weights weights, int limit) {
        record Scored(UUID id, int points) {
        }
        List<Scored> scored = new ArrayList<>();
        for (MatchingProfile mentor : cohort.mentors) {
            if (MatchRules.exclusion(mentee, mentor, cohort.capacity.getOrDefault(mentor.id(), 0), Set.of(), AT).isEmpty()) {
                scored.add(new Scored(mentor.id(), MatchRules.points(mentee, mentor, weights, AT)));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::points).reversed().thenComparing(Scored::id));
        return scored.stream().limit(limit).map(Scored::id).toList();
    }

    @Test
    void theBestAreThoseOfAFullSortInItsOrder() {
        for (long seed = 1; seed <= 20; seed++) {
            SyntheticCohort cohort = new SyntheticCohort(3, 400, seed);
            for (MatchingProfile mentee : cohort.mentees) {
                for (int limit : List.of(1, 5, 50)) {
                    var result = Recommendations.forMentee(mentee, cohort.mentors, cohort.capacity, Set.of(), Weights.DEFAULT, AT, limit);
                    assertThat(result.recommended()).extracting(r -> r.mentor().id())
                            .as("seed %d, limit %d", seed, limit).containsExactlyElementsOf(fullSort(mentee, cohort, Weights.DEFAULT, limit));
                    assertThat(result.recommended().size() + result.excluded().size()).isLessThanOrEqualTo(cohort.mentors.size());
                }
            }
        }
    }

    @Test
    void manyTiesAreBrokenByTheSmallestId() {
        // every criterion weighs nothing but time zones: most mentors tie, and the order is by id
        SyntheticCohort cohort = new SyntheticCohort(1, 300, 42);
        Weights zonesOnly = new Weights(java.util.Map.of(Criterion.TIME_ZONE, 100));
        MatchingProfile mentee = cohort.mentees.get(0);
        var result = Recommendations.forMentee(mentee, cohort.mentors, cohort.capacity, Set.of(), zonesOnly, AT, 20);
        assertThat(result.recommended()).extracting(r -> r.mentor().id()).containsExactlyElementsOf(fullSort(mentee, cohort, zonesOnly, 20));
    }

    /** The same mentee with a language, preferred industry, desired skill and goal words none of the mentors has. */
    private static MatchingProfile withTermsNoMentorHas(MatchingProfile mentee) {
        MatchingProfile.MenteeSide side = mentee.mentee();
        Set<String> languages = new java.util.LinkedHashSet<>(mentee.languages());
        languages.add("tlh");
        Set<String> preferred = new java.util.LinkedHashSet<>(side.preferredIndustries() == null ? Set.of() : side.preferredIndustries());
        preferred.add("deep-sea mining");
        List<Skill> desired = new ArrayList<>(side.desiredSkills());
        desired.add(new Skill("underwater basket weaving", 3));
        MatchingProfile.MenteeSide changed = new MatchingProfile.MenteeSide(side.goals() + " and quasicrystal zoology", desired, preferred,
                side.preferredLeadership(), side.preferredCommunication(), side.maxTimeZoneGapHours(), side.optedIn());
        return new MatchingProfile(mentee.id(), mentee.employeeId(), mentee.managerEmployeeId(), mentee.active(), mentee.skills(),
                mentee.industries(), mentee.expertise(), mentee.yearsOfExperience(), mentee.seniority(), mentee.leadership(),
                mentee.communication(), languages, mentee.zone(), mentee.mentor(), changed);
    }

    /** A mentor who is a mentee too. */
    private static MatchingProfile asMentee(MatchingProfile mentor, MatchingProfile.MenteeSide side) {
        return new MatchingProfile(mentor.id(), mentor.employeeId(), mentor.managerEmployeeId(), mentor.active(), mentor.skills(),
                mentor.industries(), mentor.expertise(), mentor.yearsOfExperience(), mentor.seniority(), mentor.leadership(),
                mentor.communication(), mentor.languages(), mentor.zone(), mentor.mentor(), side);
    }

    @Test
    void mentorsPreparedTogetherRecommendWhatTheProfilesDo() {
        for (long seed = 1; seed <= 20; seed++) {
            SyntheticCohort cohort = new SyntheticCohort(4, 400, seed);
            MatchRules.PreparedMentors kept = MatchRules.prepareMentors(cohort.mentors, AT);
            List<MatchingProfile> mentees = new ArrayList<>(cohort.mentees);
            mentees.add(withTermsNoMentorHas(cohort.mentees.get(0)));
            mentees.add(asMentee(cohort.mentors.get(0), cohort.mentees.get(0).mentee())); // excluded as the mentee, as before
            for (MatchingProfile mentee : mentees) {
                if (!mentee.isMentee()) {
                    continue;
                }
                for (Weights weights : List.of(Weights.DEFAULT, new Weights(java.util.Map.of(Criterion.INDUSTRY, 50, Criterion.LANGUAGE, 50)))) {
                    var plain = Recommendations.forMentee(mentee, cohort.mentors, cohort.capacity, Set.of(), weights, AT, 25);
                    if (mentee.isMentor()) {
                        assertThat(plain.excluded()).extracting(e -> e.mentor().id(), e -> e.rule())
                                .contains(org.assertj.core.groups.Tuple.tuple(mentee.id(), Exclusion.IS_THE_MENTEE));
                    }
                    var together = Recommendations.forPrepared(kept.mentee(mentee), kept.mentors(),
                            mentor -> cohort.capacity.getOrDefault(mentor.id(), 0), Set.of(), weights, 25, true);
                    assertThat(Recommendations.forPrepared(kept.mentee(mentee), kept.mentors(),
                            mentor -> cohort.capacity.getOrDefault(mentor.id(), 0), Set.of(), weights, 25, false))
                            .isEqualTo(new Recommendations.Result(together.recommended(), List.of()));
                    assertThat(together.recommended()).as("seed %d", seed)
                            .extracting(r -> r.mentor().id(), r -> r.score())
                            .containsExactlyElementsOf(plain.recommended().stream()
                                    .map(r -> org.assertj.core.groups.Tuple.tuple(r.mentor().id(), r.score())).toList());
                    assertThat(together.excluded()).as("seed %d", seed)
                            .extracting(e -> e.mentor().id(), e -> e.rule())
                            .containsExactlyElementsOf(plain.excluded().stream()
                                    .map(e -> org.assertj.core.groups.Tuple.tuple(e.mentor().id(), e.rule())).toList());
                }
            }
        }
    }
}
