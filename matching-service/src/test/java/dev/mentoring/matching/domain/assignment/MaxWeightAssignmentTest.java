package dev.mentoring.matching.domain.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class MaxWeightAssignmentTest {

    @Test
    void findsTheBestTotalOnEverySmallRandomCohort() {
        for (long seed = 1; seed <= 2_000; seed++) {
            RandomCohorts.Cohort cohort = RandomCohorts.of(seed, 8, 4);
            int[] mentorOf = MaxWeightAssignment.solve(cohort.candidates());
            assertThat(RandomCohorts.feasible(cohort.candidates(), mentorOf)).as("seed %d feasible", seed).isTrue();
            assertThat(RandomCohorts.total(cohort.candidates(), mentorOf)).as("seed %d total", seed)
                    .isEqualTo(AllPairsReference.bruteForceBest(AllPairsReference.dense(cohort.candidates()),
                            AllPairsReference.capacities(cohort.candidates())));
        }
    }

    @Test
    void aSparseStartPricedInReachesTheAllPairsOptimum() {
        for (long seed = 1; seed <= 2_000; seed++) {
            RandomCohorts.Cohort cohort = RandomCohorts.of(seed, 7, 5);
            long best = AllPairsReference.bruteForceBest(AllPairsReference.dense(cohort.candidates()),
                    AllPairsReference.capacities(cohort.candidates()));
            for (int perMentee = 1; perMentee <= 3; perMentee++) {
                MaxWeightAssignment.Result result = MaxWeightAssignment.solve(cohort.candidates(), perMentee);
                assertThat(RandomCohorts.feasible(cohort.candidates(), result.mentorOf()))
                        .as("seed %d, %d per mentee: feasible", seed, perMentee).isTrue();
                assertThat(RandomCohorts.total(cohort.candidates(), result.mentorOf()))
                        .as("seed %d, %d per mentee: total", seed, perMentee).isEqualTo(best);
                assertPricesProveIt(cohort.candidates(), result, "seed " + seed);
            }
        }
    }

    @Test
    void sharedFavouritesFromOnePairEachReachTheBruteForceOptimum() {
        for (long seed = 1; seed <= 1_000; seed++) {
            RandomCohorts.Cohort cohort = RandomCohorts.sharedFavourites(seed, 7, 5);
            long best = AllPairsReference.bruteForceBest(AllPairsReference.dense(cohort.candidates()),
                    AllPairsReference.capacities(cohort.candidates()));
            for (int perMentee = 1; perMentee <= 2; perMentee++) {
                MaxWeightAssignment.Result result = MaxWeightAssignment.solve(cohort.candidates(), perMentee);
                assertThat(RandomCohorts.total(cohort.candidates(), result.mentorOf()))
                        .as("seed %d, %d per mentee", seed, perMentee).isEqualTo(best);
                assertPricesProveIt(cohort.candidates(), result, "seed " + seed);
            }
        }
    }

    @Test
    void largerCohortsWithSharedFavouritesMatchTheTextbookMinCostFlow() {
        for (long seed = 1; seed <= 150; seed++) {
            RandomCohorts.Cohort cohort = RandomCohorts.sharedFavourites(seed, 40, 25);
            int[][] weight = AllPairsReference.dense(cohort.candidates());
            long best = AllPairsReference.minCostFlowBest(weight, AllPairsReference.capacities(cohort.candidates()));
            for (int perMentee : new int[] { 1, 3, Integer.MAX_VALUE }) {
                MaxWeightAssignment.Result result = MaxWeightAssignment.solve(cohort.candidates(), perMentee);
                assertThat(AllPairsReference.feasible(weight, AllPairsReference.capacities(cohort.candidates()), result.mentorOf()))
                        .as("seed %d feasible", seed).isTrue();
                assertThat(AllPairsReference.total(weight, result.mentorOf())).as("seed %d, %d per mentee", seed, perMentee)
                        .isEqualTo(best);
                assertPricesProveIt(cohort.candidates(), result, "seed " + seed);
            }
        }
    }

    @Test
    void theTextbookReferenceAgreesWithBruteForce() {
        for (long seed = 1; seed <= 300; seed++) {
            RandomCohorts.Cohort cohort = RandomCohorts.of(seed, 7, 5);
            int[][] weight = AllPairsReference.dense(cohort.candidates());
            int[] capacity = AllPairsReference.capacities(cohort.candidates());
            assertThat(AllPairsReference.minCostFlowBest(weight, capacity)).as("seed %d", seed)
                    .isEqualTo(AllPairsReference.bruteForceBest(weight, capacity));
        }
    }

    @Test
    void thirtyMenteesWhoAllWantTheSameTwentyOfFortySinglePlaceMentorsAllGetOne() {
        // every mentee ranks the 40 mentors alike: each one's 20 best pairs are the same 20 mentors
        int n = 30;
        int m = 40;
        int[] capacity = new int[m];
        Arrays.fill(capacity, 1);
        int[][] mentors = new int[n][m];
        int[][] weights = new int[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                mentors[i][j] = j;
                weights[i][j] = 100 + m - j;
            }
        }
        BipartiteCandidates pairs = new BipartiteCandidates(n, capacity, mentors, weights);
        MaxWeightAssignment.Result result = MaxWeightAssignment.solve(pairs, 20);
        assertThat(Arrays.stream(result.mentorOf()).filter(j -> j >= 0).count()).isEqualTo(30);
        long best = 0;
        for (int j = 0; j < n; j++) {
            best += 100 + m - j; // the 30 most wanted mentors, one each
        }
        assertThat(RandomCohorts.total(pairs, result.mentorOf())).isEqualTo(best);
        assertThat(result.rounds()).as("pairs beyond the first 20 were priced in").isPositive();
        assertPricesProveIt(pairs, result, "30 x 40");
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

    /**
     * The optimality certificate, checked pair by pair over every given pair: prices non-negative and covering every
     * pair, tight on the assigned ones, zero for an unmatched mentee or a mentor with room, and their sum the total.
     */
    private static void assertPricesProveIt(BipartiteCandidates pairs, MaxWeightAssignment.Result result, String what) {
        long[] u = result.menteePrice();
        long[] v = result.mentorPrice();
        int[] mentorOf = result.mentorOf();
        int[] load = new int[pairs.mentors()];
        for (int i = 0; i < pairs.mentees(); i++) {
            assertThat(u[i]).as("%s: mentee %d price", what, i).isNotNegative();
            for (int k = 0; k < pairs.mentorsOf(i).length; k++) {
                int j = pairs.mentorsOf(i)[k];
                long slack = u[i] + v[j] - pairs.weightsOf(i)[k];
                assertThat(slack).as("%s: reduced cost of (%d, %d)", what, i, j).isNotNegative();
                if (mentorOf[i] == j) {
                    assertThat(slack).as("%s: assigned (%d, %d) tight", what, i, j).isZero();
                }
            }
            if (mentorOf[i] < 0) {
                assertThat(u[i]).as("%s: unmatched mentee %d price", what, i).isZero();
            } else {
                load[mentorOf[i]]++;
            }
        }
        long dual = Arrays.stream(u).sum();
        for (int j = 0; j < pairs.mentors(); j++) {
            assertThat(v[j]).as("%s: mentor %d price", what, j).isNotNegative();
            if (load[j] < pairs.capacity(j)) {
                assertThat(v[j]).as("%s: mentor %d with room", what, j).isZero();
            }
            dual += Math.max(0, pairs.capacity(j)) * v[j];
        }
        assertThat(dual).as("%s: prices add up to the total", what).isEqualTo(RandomCohorts.total(pairs, mentorOf));
    }
}
