package dev.mentoring.matching.domain.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaxWeightAssignmentTest {

    /** The best total by trying every assignment: each mentee gets one of its candidates or none. */
    private static long bruteForce(BipartiteCandidates candidates, int mentee, int[] load) {
        if (mentee == candidates.mentees()) {
            return 0;
        }
        long best = bruteForce(candidates, mentee + 1, load);
        int[] mentors = candidates.mentorsOf(mentee);
        for (int k = 0; k < mentors.length; k++) {
            int j = mentors[k];
            if (load[j] < candidates.capacity(j)) {
                load[j]++;
                best = Math.max(best, candidates.weightsOf(mentee)[k] + bruteForce(candidates, mentee + 1, load));
                load[j]--;
            }
        }
        return best;
    }

    @Test
    void findsTheBestTotalOnEverySmallRandomCohort() {
        for (long seed = 1; seed <= 2_000; seed++) {
            RandomCohorts.Cohort cohort = RandomCohorts.of(seed, 8, 4);
            int[] mentorOf = MaxWeightAssignment.solve(cohort.candidates());
            assertThat(RandomCohorts.feasible(cohort.candidates(), mentorOf)).as("seed %d feasible", seed).isTrue();
            assertThat(RandomCohorts.total(cohort.candidates(), mentorOf)).as("seed %d total", seed)
                    .isEqualTo(bruteForce(cohort.candidates(), 0, new int[cohort.candidates().mentors()]));
        }
    }

    @Test
    void prefersTwoGoodPairsOverOneGreatOne() {
        // greedy would give mentee 0 to mentor 0 (weight 100) and leave mentee 1 without one
        BipartiteCandidates candidates = new BipartiteCandidates(2, new int[] { 1, 1 },
                new int[][] { { 0, 1 }, { 0 } }, new int[][] { { 100, 90 }, { 95 } });
        assertThat(MaxWeightAssignment.solve(candidates)).containsExactly(1, 0);
    }

    @Test
    void aMentorWithoutCapacityGetsNobody() {
        BipartiteCandidates candidates = new BipartiteCandidates(1, new int[] { 0 }, new int[][] { { 0 } },
                new int[][] { { 50 } });
        assertThat(MaxWeightAssignment.solve(candidates)).containsExactly(-1);
    }
}
