package dev.mentoring.matching.domain.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeferredAcceptanceTest {

    @Test
    void everyResultOnSmallRandomCohortsIsStable() {
        for (long seed = 1; seed <= 2_000; seed++) {
            RandomCohorts.Cohort cohort = RandomCohorts.of(seed, 10, 5);
            int[] mentorOf = DeferredAcceptance.solve(cohort.candidates(), cohort.preferences());
            assertThat(RandomCohorts.feasible(cohort.candidates(), mentorOf)).as("seed %d feasible", seed).isTrue();
            assertThat(BlockingPairs.find(cohort.candidates(), cohort.preferences(), mentorOf, 5).count())
                    .as("seed %d blocking pairs", seed).isZero();
        }
    }

    @Test
    void theMentorKeepsTheMenteeItWantsMore() {
        // both mentees want mentor 0 (capacity 1); mentor 0 wants mentee 1 more
        BipartiteCandidates candidates = new BipartiteCandidates(2, new int[] { 1, 1 },
                new int[][] { { 0, 1 }, { 0, 1 } }, new int[][] { { 1, 1 }, { 1, 1 } });
        Preferences preferences = new Preferences(new int[][] { { 9, 1 }, { 9, 1 } }, new int[][] { { 2, 5 }, { 8, 5 } });
        assertThat(DeferredAcceptance.solve(candidates, preferences)).containsExactly(1, 0);
    }

    @Test
    void blockingPairsAreFoundInAnUnstableAssignment() {
        BipartiteCandidates candidates = new BipartiteCandidates(2, new int[] { 1, 1 },
                new int[][] { { 0, 1 }, { 0, 1 } }, new int[][] { { 1, 1 }, { 1, 1 } });
        Preferences preferences = new Preferences(new int[][] { { 9, 1 }, { 9, 1 } }, new int[][] { { 2, 5 }, { 8, 5 } });
        // mentee 0 with mentor 0, mentee 1 with mentor 1: mentee 1 and mentor 0 would both rather switch
        BlockingPairs.Found found = BlockingPairs.find(candidates, preferences, new int[] { 0, 1 }, 10);
        assertThat(found.count()).isEqualTo(1);
        assertThat(found.examples()).containsExactly(new BlockingPairs.Pair(1, 0));
    }
}
