package dev.mentoring.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The best mentors are chosen without sorting every candidate: the same as a full sort, ties broken by id. */
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
}
