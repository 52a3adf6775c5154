package dev.mentoring.matching.domain.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

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
    void noEligiblePairBlocksItByAPlainCheck() {
        for (long seed = 1; seed <= 1_000; seed++) {
            for (RandomCohorts.Cohort cohort : List.of(RandomCohorts.of(seed, 30, 12), RandomCohorts.sharedFavourites(seed, 30, 12))) {
                int[] mentorOf = DeferredAcceptance.solve(cohort.candidates(), cohort.preferences());
                int[][] weight = AllPairsReference.dense(cohort.candidates());
                assertThat(AllPairsReference.feasible(weight, AllPairsReference.capacities(cohort.candidates()), mentorOf))
                        .as("seed %d feasible", seed).isTrue();
                assertThat(AllPairsReference.naiveBlockingCount(weight, RandomCohorts.menteeViews(cohort),
                        RandomCohorts.mentorViews(cohort), AllPairsReference.capacities(cohort.candidates()), mentorOf))
                        .as("seed %d blocking pairs", seed).isZero();
            }
        }
    }

    @Test
    void everyMenteeGetsItsBestMentorOfAnyStableAssignment() {
        for (long seed = 1; seed <= 400; seed++) {
            RandomCohorts.Cohort cohort = seed % 2 == 0 ? RandomCohorts.of(seed, 6, 4) : RandomCohorts.sharedFavourites(seed, 6, 4);
            int[] mentorOf = DeferredAcceptance.solve(cohort.candidates(), cohort.preferences());
            int[][] weight = AllPairsReference.dense(cohort.candidates());
            int[][] menteeView = RandomCohorts.menteeViews(cohort);
            int[][] mentorView = RandomCohorts.mentorViews(cohort);
            int[] capacity = AllPairsReference.capacities(cohort.candidates());
            List<int[]> stable = new ArrayList<>();
            enumerate(weight, capacity.clone(), new int[weight.length], 0, assignment -> {
                if (AllPairsReference.naiveBlockingCount(weight, menteeView, mentorView, capacity, assignment) == 0) {
                    stable.add(assignment.clone());
                }
            });
            assertThat(stable).as("seed %d: a stable assignment exists", seed).isNotEmpty();
            for (int[] other : stable) {
                for (int i = 0; i < weight.length; i++) {
                    assertThat(atLeastAsGood(menteeView[i], mentorOf[i], other[i]))
                            .as("seed %d: mentee %d does as well as in %s", seed, i, Arrays.toString(other)).isTrue();
                }
            }
        }
    }

    @Test
    void blockingPairsAreCountedOverEveryEligiblePair() {
        Random random = new Random(5);
        for (long seed = 1; seed <= 1_000; seed++) {
            RandomCohorts.Cohort cohort = seed % 2 == 0 ? RandomCohorts.of(seed, 12, 6) : RandomCohorts.sharedFavourites(seed, 12, 6);
            BipartiteCandidates pairs = cohort.candidates();
            int[] mentorOf = randomAssignment(pairs, random);
            int expected = AllPairsReference.naiveBlockingCount(AllPairsReference.dense(pairs), RandomCohorts.menteeViews(cohort),
                    RandomCohorts.mentorViews(cohort), AllPairsReference.capacities(pairs), mentorOf);
            BlockingPairs.Found found = BlockingPairs.find(pairs, cohort.preferences(), mentorOf, 3);
            assertThat(found.count()).as("seed %d", seed).isEqualTo(expected);
            assertThat(found.examples()).hasSize(Math.min(3, expected));
        }
    }

    @Test
    void thirtyMenteesWhoAllWantTheSameMentorsAreAllMatchedAmongFortySinglePlaces() {
        int n = 30;
        int m = 40;
        int[] capacity = new int[m];
        Arrays.fill(capacity, 1);
        int[][] mentors = new int[n][m];
        int[][] weights = new int[n][m];
        int[][] menteeView = new int[n][m];
        int[][] mentorView = new int[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                mentors[i][j] = j;
                weights[i][j] = 50;
                menteeView[i][j] = 1_000 - j; // the same favourites for everyone
                mentorView[i][j] = (i * 7 + j) % 30;
            }
        }
        BipartiteCandidates pairs = new BipartiteCandidates(n, capacity, mentors, weights);
        Preferences preferences = new Preferences(menteeView, mentorView);
        int[] mentorOf = DeferredAcceptance.solve(pairs, preferences);
        assertThat(Arrays.stream(mentorOf).filter(j -> j >= 0).count()).isEqualTo(30);
        assertThat(BlockingPairs.find(pairs, preferences, mentorOf, 5).count()).isZero();
        assertThat(AllPairsReference.naiveBlockingCount(AllPairsReference.dense(pairs), menteeView, mentorView, capacity, mentorOf))
                .isZero();
    }

    @Test
    void theMentorsViewIsAskedOnlyForProposedPairs() {
        // one mentee, 1,000 eligible mentors: held by its first choice after one proposal
        int m = 1_000;
        int[] capacity = new int[m];
        Arrays.fill(capacity, 1);
        int[][] mentors = { new int[m] };
        int[][] menteeView = { new int[m] };
        Arrays.setAll(mentors[0], j -> j);
        Arrays.setAll(menteeView[0], j -> (j * 37) % 1_000);
        AtomicInteger asked = new AtomicInteger();
        Preferences preferences = Preferences.withMentorViewOnDemand(menteeView, (i, k) -> {
            asked.incrementAndGet();
            return 1;
        });
        int[] mentorOf = DeferredAcceptance.solve(new BipartiteCandidates(1, capacity, mentors, new int[][] { new int[m] }), preferences);
        assertThat(menteeView[0][mentorOf[0]]).isEqualTo(999);
        assertThat(asked.get()).isEqualTo(1);
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

    /** Mentee's own rule: a mentor beats nobody; a higher view wins, ties to the lower mentor index. */
    private static boolean atLeastAsGood(int[] view, int mine, int other) {
        if (mine == other || other < 0) {
            return true;
        }
        return mine >= 0 && (view[mine] > view[other] || (view[mine] == view[other] && mine < other));
    }

    private static void enumerate(int[][] weight, int[] room, int[] assignment, int mentee, java.util.function.Consumer<int[]> each) {
        if (mentee == weight.length) {
            each.accept(assignment);
            return;
        }
        assignment[mentee] = -1;
        enumerate(weight, room, assignment, mentee + 1, each);
        for (int j = 0; j < room.length; j++) {
            if (weight[mentee][j] > 0 && room[j] > 0) {
                room[j]--;
                assignment[mentee] = j;
                enumerate(weight, room, assignment, mentee + 1, each);
                room[j]++;
            }
        }
        assignment[mentee] = -1;
    }

    /** Some feasible assignment: each mentee, in turn, takes a random eligible mentor with room, or none. */
    private static int[] randomAssignment(BipartiteCandidates pairs, Random random) {
        int[] room = AllPairsReference.capacities(pairs);
        int[] mentorOf = new int[pairs.mentees()];
        for (int i = 0; i < mentorOf.length; i++) {
            mentorOf[i] = -1;
            int[] mentors = pairs.mentorsOf(i);
            if (mentors.length > 0 && random.nextInt(4) > 0) {
                int j = mentors[random.nextInt(mentors.length)];
                if (room[j] > 0) {
                    room[j]--;
                    mentorOf[i] = j;
                }
            }
        }
        return mentorOf;
    }
}
