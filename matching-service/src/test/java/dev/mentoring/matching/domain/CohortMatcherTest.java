package dev.mentoring.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CohortMatcherTest {

    private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");

    private static CohortMatcher.Settings settings(CohortMatcher.Objective objective) {
        return new CohortMatcher.Settings(objective, Weights.DEFAULT, 300, 20, AT);
    }

    @Test
    void maxScoreNeverExceedsACapacityAndBeatsStableOnTotal() {
        SyntheticCohort cohort = new SyntheticCohort(300, 60, 7);
        CohortMatcher.Proposal best = CohortMatcher.run(cohort.mentees, cohort.mentors, cohort.capacity, Map.of(),
                settings(CohortMatcher.Objective.MAX_SCORE));
        CohortMatcher.Proposal stable = CohortMatcher.run(cohort.mentees, cohort.mentors, cohort.capacity, Map.of(),
                settings(CohortMatcher.Objective.STABLE));

        Map<UUID, Integer> load = new HashMap<>();
        best.assignments().forEach(a -> load.merge(a.mentorId(), 1, Integer::sum));
        load.forEach((mentor, count) -> assertThat(count).isLessThanOrEqualTo(cohort.capacity.get(mentor)));
        assertThat(best.assignments()).allSatisfy(a -> assertThat(a.score()).isGreaterThanOrEqualTo(30.0));
        assertThat(best.assignments().size() + best.unmatched().size()).isEqualTo(300);

        double bestTotal = best.assignments().stream().mapToDouble(CohortMatcher.Assignment::score).sum();
        double stableTotal = stable.assignments().stream().mapToDouble(CohortMatcher.Assignment::score).sum();
        assertThat(bestTotal).isGreaterThanOrEqualTo(stableTotal);
        assertThat(stable.blockingPairCount()).isZero();
        assertThat(best.coveragePercent()).isEqualTo(Math.round(10_000.0 * best.assignments().size() / 300) / 100.0);
    }

    @Test
    void explainsWhyAMenteeStaysUnmatched() {
        SyntheticCohort cohort = new SyntheticCohort(50, 5, 11);
        Map<UUID, Integer> noRoom = new HashMap<>();
        cohort.mentors.forEach(m -> noRoom.put(m.id(), 0));
        CohortMatcher.Proposal proposal = CohortMatcher.run(cohort.mentees, cohort.mentors, noRoom, Map.of(),
                settings(CohortMatcher.Objective.MAX_SCORE));
        assertThat(proposal.assignments()).isEmpty();
        assertThat(proposal.unmatched()).allSatisfy(u -> {
            assertThat(u.reason()).isEqualTo(CohortMatcher.UnmatchedReason.NO_ELIGIBLE_MENTOR);
            assertThat(u.mostFrequentExclusion()).isNotNull();
        });
    }
}
