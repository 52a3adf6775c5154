package dev.mentoring.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mentoring.matching.domain.assignment.AllPairsReference;

class CohortMatcherTest {

    private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");

    private static CohortMatcher.Settings settings(CohortMatcher.Objective objective) {
        return settings(objective, 300, 20);
    }

    private static CohortMatcher.Settings settings(CohortMatcher.Objective objective, int minimumPoints, int perMentee) {
        return new CohortMatcher.Settings(objective, Weights.DEFAULT, minimumPoints, perMentee, AT);
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

        assertThat(totalPoints(best)).isGreaterThanOrEqualTo(totalPoints(stable));
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

    @Test
    void maxScoreIsTheBruteForceOptimumOverEveryEligiblePair() {
        for (long seed = 1; seed <= 300; seed++) {
            Random random = new Random(seed);
            SyntheticCohort cohort = new SyntheticCohort(1 + random.nextInt(7), 1 + random.nextInt(5), seed);
            Map<UUID, Integer> places = new HashMap<>();
            cohort.mentors.forEach(m -> places.put(m.id(), 1 + random.nextInt(2)));
            int perMentee = 1 + random.nextInt(3); // a sparse start, so pricing has pairs to add
            AllPairs all = AllPairs.of(cohort.mentees, cohort.mentors, places, 300);

            CohortMatcher.Proposal proposal = CohortMatcher.run(cohort.mentees, cohort.mentors, places, Map.of(),
                    settings(CohortMatcher.Objective.MAX_SCORE, 300, perMentee));

            int[] mentorOf = all.mentorOf(proposal);
            assertThat(AllPairsReference.feasible(all.weight, all.capacity, mentorOf)).as("seed %d feasible", seed).isTrue();
            assertThat(totalPoints(proposal)).as("seed %d total", seed)
                    .isEqualTo(AllPairsReference.bruteForceBest(all.weight, all.capacity));
            assertThat(proposal.candidatePairs()).as("seed %d eligible pairs", seed).isEqualTo(all.eligiblePairs());
            assertThat(proposal.blockingPairCount()).as("seed %d blocking pairs", seed).isEqualTo(all.blockingPairs(mentorOf));
        }
    }

    @Test
    void stableHasNoBlockingPairAmongEveryEligiblePair() {
        for (long seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            SyntheticCohort cohort = new SyntheticCohort(1 + random.nextInt(40), 1 + random.nextInt(12), seed);
            Map<UUID, Integer> places = new HashMap<>();
            cohort.mentors.forEach(m -> places.put(m.id(), 1 + random.nextInt(2)));
            AllPairs all = AllPairs.of(cohort.mentees, cohort.mentors, places, 300);

            CohortMatcher.Proposal proposal = CohortMatcher.run(cohort.mentees, cohort.mentors, places, Map.of(),
                    settings(CohortMatcher.Objective.STABLE, 300, 1));

            int[] mentorOf = all.mentorOf(proposal);
            assertThat(AllPairsReference.feasible(all.weight, all.capacity, mentorOf)).as("seed %d feasible", seed).isTrue();
            assertThat(all.blockingPairs(mentorOf)).as("seed %d blocking pairs, plain check", seed).isZero();
            assertThat(proposal.blockingPairCount()).as("seed %d blocking pairs, reported", seed).isZero();
        }
    }

    @Test
    void thirtyMenteesAndFortySinglePlaceMentorsAllEligibleAreAllMatched() {
        // the case: every pair eligible, everyone ranks the mentors alike, so each mentee's 20 best are the same 20
        List<MatchingProfile> mentees = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            mentees.add(Profiles.mentee("E-" + i, null, "Europe/Copenhagen", Set.of("en"), "grow in java and leadership",
                    List.of(new Skill("java", 4))));
        }
        List<MatchingProfile> mentors = new ArrayList<>();
        Map<UUID, Integer> places = new HashMap<>();
        for (int j = 0; j < 40; j++) {
            MatchingProfile mentor = Profiles.mentor("M-" + j, 4 + j % 12, "Europe/Copenhagen", Set.of("en"),
                    List.of(new Skill("java", 1 + j % 5)), j % 3 == 0 ? Set.of("java") : Set.of("sql"));
            mentors.add(mentor);
            places.put(mentor.id(), 1);
        }
        AllPairs all = AllPairs.of(mentees, mentors, places, 0);
        assertThat(all.eligiblePairs()).isEqualTo(30 * 40);

        for (CohortMatcher.Objective objective : CohortMatcher.Objective.values()) {
            CohortMatcher.Proposal proposal = CohortMatcher.run(mentees, mentors, places, Map.of(), settings(objective, 0, 20));
            int[] mentorOf = all.mentorOf(proposal);
            assertThat(proposal.assignments()).as("%s matched", objective).hasSize(30);
            assertThat(proposal.candidatePairs()).isEqualTo(1_200);
            assertThat(proposal.blockingPairCount()).as("%s blocking pairs", objective).isEqualTo(all.blockingPairs(mentorOf));
            if (objective == CohortMatcher.Objective.STABLE) {
                assertThat(proposal.blockingPairCount()).isZero();
            } else {
                assertThat(totalPoints(proposal)).isEqualTo(AllPairsReference.minCostFlowBest(all.weight, all.capacity));
            }
        }
    }

    @Test
    void cohortsWhoseMenteesShareTheSameFavouritesGetTheAllPairsResult() {
        for (long seed = 1; seed <= 12; seed++) {
            Random random = new Random(seed);
            List<MatchingProfile> mentees = new ArrayList<>();
            List<MatchingProfile> mentors = new ArrayList<>();
            Map<UUID, Integer> places = new HashMap<>();
            sharedFavourites(random, 50, 25, mentees, mentors, places);
            AllPairs all = AllPairs.of(mentees, mentors, places, 200);

            CohortMatcher.Proposal best = CohortMatcher.run(mentees, mentors, places, Map.of(),
                    settings(CohortMatcher.Objective.MAX_SCORE, 200, 3));
            assertThat(totalPoints(best)).as("seed %d best total", seed)
                    .isEqualTo(AllPairsReference.minCostFlowBest(all.weight, all.capacity));
            assertThat(best.blockingPairCount()).as("seed %d", seed).isEqualTo(all.blockingPairs(all.mentorOf(best)));

            CohortMatcher.Proposal stable = CohortMatcher.run(mentees, mentors, places, Map.of(),
                    settings(CohortMatcher.Objective.STABLE, 200, 3));
            assertThat(all.blockingPairs(all.mentorOf(stable))).as("seed %d stable", seed).isZero();
            assertThat(stable.blockingPairCount()).isZero();
        }
    }

    @Test
    void theStartingCandidatesChangeTheSpeedNotTheResult() {
        SyntheticCohort cohort = new SyntheticCohort(400, 80, 3);
        List<Long> totals = new ArrayList<>();
        for (int perMentee : new int[] { 1, 5, 20, 1_000 }) {
            totals.add(totalPoints(CohortMatcher.run(cohort.mentees, cohort.mentors, cohort.capacity, Map.of(),
                    settings(CohortMatcher.Objective.MAX_SCORE, 300, perMentee))));
        }
        assertThat(totals).containsOnly(totals.get(0));
    }

    private static long totalPoints(CohortMatcher.Proposal proposal) {
        return proposal.assignments().stream().mapToLong(a -> Math.round(a.score() * 10)).sum();
    }

    /**
     * A few star mentors (every skill at the top, long experience, would mentor in everything) that nearly every
     * mentee ranks first; the rest modest. Same language and time zone: the stars are eligible for everyone.
     */
    private static void sharedFavourites(Random random, int menteeCount, int mentorCount, List<MatchingProfile> mentees,
            List<MatchingProfile> mentors, Map<UUID, Integer> places) {
        String[] skills = { "java", "sql", "cloud", "security", "design" };
        for (int j = 0; j < mentorCount; j++) {
            boolean star = j < 4;
            List<Skill> offered = new ArrayList<>();
            for (String skill : skills) {
                if (star || random.nextInt(3) == 0) {
                    offered.add(new Skill(skill, star ? 5 : 1 + random.nextInt(3)));
                }
            }
            MatchingProfile mentor = Profiles.mentor("M-" + j, star ? 12 : 3 + random.nextInt(5), "Europe/Copenhagen",
                    Set.of("en"), offered, star ? Set.of(skills) : Set.of(skills[random.nextInt(skills.length)]));
            mentors.add(mentor);
            places.put(mentor.id(), 1 + random.nextInt(3));
        }
        for (int i = 0; i < menteeCount; i++) {
            String wish = skills[random.nextInt(skills.length)];
            mentees.add(Profiles.mentee("E-" + i, null, "Europe/Copenhagen", Set.of("en"), "get better at " + wish,
                    List.of(new Skill(wish, 3 + random.nextInt(3)))));
        }
    }

    /** Every pair of a cohort worked out straight from the rules, as dense tables by list position. */
    private static final class AllPairs {
        final int[][] weight;
        final int[][] menteeView;
        final int[][] mentorView;
        final int[] capacity;
        final Map<UUID, Integer> menteeIndex = new HashMap<>();
        final Map<UUID, Integer> mentorIndex = new HashMap<>();

        private AllPairs(int n, int m) {
            weight = new int[n][m];
            menteeView = new int[n][m];
            mentorView = new int[n][m];
            capacity = new int[m];
        }

        static AllPairs of(List<MatchingProfile> mentees, List<MatchingProfile> mentors, Map<UUID, Integer> places,
                int minimumPoints) {
            AllPairs all = new AllPairs(mentees.size(), mentors.size());
            for (int j = 0; j < mentors.size(); j++) {
                all.capacity[j] = places.getOrDefault(mentors.get(j).id(), 0);
                all.mentorIndex.put(mentors.get(j).id(), j);
            }
            for (int i = 0; i < mentees.size(); i++) {
                all.menteeIndex.put(mentees.get(i).id(), i);
                for (int j = 0; j < mentors.size(); j++) {
                    MatchingProfile mentee = mentees.get(i);
                    MatchingProfile mentor = mentors.get(j);
                    if (MatchRules.exclusion(mentee, mentor, all.capacity[j], Set.of(), AT).isPresent()) {
                        continue;
                    }
                    int points = MatchRules.points(mentee, mentor, Weights.DEFAULT, AT);
                    if (points >= minimumPoints && points > 0) {
                        all.weight[i][j] = points;
                        all.menteeView[i][j] = MatchRules.menteeView(MatchRules.prepare(mentee, AT), MatchRules.prepare(mentor, AT));
                        all.mentorView[i][j] = MatchRules.mentorView(MatchRules.prepare(mentor, AT), MatchRules.prepare(mentee, AT));
                    }
                }
            }
            return all;
        }

        int eligiblePairs() {
            int count = 0;
            for (int[] row : weight) {
                for (int w : row) {
                    count += w > 0 ? 1 : 0;
                }
            }
            return count;
        }

        int[] mentorOf(CohortMatcher.Proposal proposal) {
            int[] mentorOf = new int[weight.length];
            java.util.Arrays.fill(mentorOf, -1);
            proposal.assignments().forEach(a -> mentorOf[menteeIndex.get(a.menteeId())] = mentorIndex.get(a.mentorId()));
            return mentorOf;
        }

        int blockingPairs(int[] mentorOf) {
            return AllPairsReference.naiveBlockingCount(weight, menteeView, mentorView, capacity, mentorOf);
        }
    }
}
