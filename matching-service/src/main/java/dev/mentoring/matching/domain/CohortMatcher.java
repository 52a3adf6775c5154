package dev.mentoring.matching.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.mentoring.matching.domain.assignment.BipartiteCandidates;
import dev.mentoring.matching.domain.assignment.BlockingPairs;
import dev.mentoring.matching.domain.assignment.DeferredAcceptance;
import dev.mentoring.matching.domain.assignment.MaxWeightAssignment;
import dev.mentoring.matching.domain.assignment.Preferences;

/**
 * Matches a whole cohort at once over every <em>eligible</em> pair: a pair no hard rule excludes whose match
 * score (an integer in tenths) is positive and reaches the minimum. Nothing else limits the result:
 * <ul>
 * <li>{@link Objective#MAX_SCORE}: the assignment with the highest total match score over all eligible pairs,
 * exact and proven so by dual prices ({@link MaxWeightAssignment}: it starts from each mentee's
 * {@code candidatesPerMentee} best pairs and prices the others in until none could improve the total);</li>
 * <li>{@link Objective#STABLE}: mentee-proposing deferred acceptance down each mentee's whole list of eligible
 * mentors, each side ranking the other by its own view ({@link MatchRules#menteeView},
 * {@link MatchRules#mentorView}; ties to the earlier mentor or mentee in the lists given), so no eligible pair
 * blocks it.</li>
 * </ul>
 * The proposal comes with its figures, the unmatched mentees and why, and its blocking pairs counted over all
 * eligible pairs (0 for a stable run; for max-score, how far from stable the best total is).
 */
public final class CohortMatcher {

    public enum Objective {
        MAX_SCORE, STABLE
    }

    /**
     * What a run needs besides the people. {@code minimumPoints} is the minimum score in tenths (400 = 40.0);
     * {@code candidatesPerMentee} is how many of each mentee's best pairs the max-score solver starts from before
     * pricing in the rest: it changes how fast a run is, never its result.
     */
    public record Settings(Objective objective, Weights weights, int minimumPoints, int candidatesPerMentee,
            Instant at) {
    }

    /** Why a mentee of the cohort got no mentor. */
    public enum UnmatchedReason {
        /** Every mentor was excluded by a hard rule; the most frequent rule is given. */
        NO_ELIGIBLE_MENTOR,
        /** Some mentors were eligible, but none reached the minimum score. */
        BELOW_MINIMUM_SCORE,
        /** Eligible mentors existed, but their places went to others (in the best or the stable assignment). */
        CAPACITY_TAKEN
    }

    public record Assignment(UUID menteeId, UUID mentorId, double score) {
    }

    public record Unmatched(UUID menteeId, UnmatchedReason reason, Exclusion mostFrequentExclusion) {
    }

    public record BlockingPair(UUID menteeId, UUID mentorId) {
    }

    /** A run's result; {@code candidatePairs} counts the eligible pairs it was solved over (all of them). */
    public record Proposal(Objective objective, List<Assignment> assignments, List<Unmatched> unmatched,
            int cohortMentees, int candidatePairs, double coveragePercent, double meanScore, double minimumScore,
            int blockingPairCount, List<BlockingPair> blockingPairs, Duration took) {
    }

    private CohortMatcher() {
    }

    /**
     * @param mentees            the cohort's mentees (unmatched, opted in)
     * @param mentors            the tenant's mentors
     * @param remainingCapacity  free places by mentor id
     * @param endedPairs         for each mentee id, the mentors a partnership with them ended before
     */
    public static Proposal run(List<MatchingProfile> mentees, List<MatchingProfile> mentors,
            Map<UUID, Integer> remainingCapacity, Map<UUID, Set<UUID>> endedPairs, Settings settings) {
        long started = System.nanoTime();
        int n = mentees.size();
        int m = mentors.size();
        int[] capacity = new int[m];
        for (int j = 0; j < m; j++) {
            capacity[j] = Math.max(0, remainingCapacity.getOrDefault(mentors.get(j).id(), 0));
        }
        MatchRules.PreparedCohort prepared = MatchRules.prepareCohort(mentees, mentors, settings.at());
        MatchRules.Prepared[] preparedMentees = prepared.mentees();
        MatchRules.Prepared[] preparedMentors = prepared.mentors();
        Scoring scoring = new Scoring(preparedMentees, preparedMentors, capacity, endedPairs, settings);
        scoring.run();
        int[][] mentorsOf = scoring.mentorsOf;
        int[][] pointsOf = scoring.pointsOf;
        int[][] menteeViewOf = scoring.menteeViewOf;
        short[][] mentorViewOf = scoring.mentorViewOf;
        UnmatchedReason[] noneEligible = scoring.noneEligible;
        Exclusion[] frequent = scoring.frequent;
        BipartiteCandidates eligible = new BipartiteCandidates(n, capacity, mentorsOf, pointsOf);
        Preferences preferences = Preferences.withMentorViewOnDemand(menteeViewOf, (i, k) -> mentorViewOf[i][k]);
        int[] mentorOf = settings.objective() == Objective.MAX_SCORE
                ? MaxWeightAssignment.solve(eligible, settings.candidatesPerMentee()).mentorOf()
                : DeferredAcceptance.solve(eligible, preferences);
        BlockingPairs.Found blocking = BlockingPairs.find(eligible, preferences, mentorOf, 20);

        List<Assignment> assignments = new ArrayList<>();
        List<Unmatched> unmatched = new ArrayList<>();
        long totalPoints = 0;
        int minPoints = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            if (mentorOf[i] >= 0) {
                int points = eligible.weight(i, mentorOf[i]);
                totalPoints += points;
                minPoints = Math.min(minPoints, points);
                assignments.add(new Assignment(mentees.get(i).id(), mentors.get(mentorOf[i]).id(), points / 10.0));
            } else if (noneEligible[i] != null) {
                unmatched.add(new Unmatched(mentees.get(i).id(), noneEligible[i], frequent[i]));
            } else {
                unmatched.add(new Unmatched(mentees.get(i).id(), UnmatchedReason.CAPACITY_TAKEN, null));
            }
        }
        List<BlockingPair> pairs = blocking.examples().stream()
                .map(p -> new BlockingPair(mentees.get(p.mentee()).id(), mentors.get(p.mentor()).id())).toList();
        int matched = assignments.size();
        return new Proposal(settings.objective(), assignments, unmatched, n, eligible.edgeCount(),
                n == 0 ? 0 : Math.round(10_000.0 * matched / n) / 100.0,
                matched == 0 ? 0 : Math.round(10.0 * totalPoints / matched) / 100.0,
                matched == 0 ? 0 : minPoints / 10.0,
                blocking.count(), pairs, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Every pair checked against the hard rules and scored, keeping the eligible ones with both sides' views of them
     * (the mentor's as a short: 0-10000). Deferred acceptance and the blocking-pair count then only read the views:
     * they would otherwise ask for mentors' views one at a time, in no useful order. Mentees are taken in blocks, in
     * parallel, and mentors in tiles, so that a tile's prepared profiles stay in the core's cache while the block's
     * mentees are scored against them.
     */
    private static final class Scoring {
        static final int MENTEE_BLOCK = 32;
        static final int MENTOR_TILE = 64;

        private final MatchRules.Prepared[] mentees;
        private final MatchRules.Prepared[] mentors;
        private final int[] capacity;
        private final Map<UUID, Set<UUID>> endedPairs;
        private final int minimumPoints;
        private final int[] weights;
        private final int totalWeight;
        final int[][] mentorsOf;
        final int[][] pointsOf;
        final int[][] menteeViewOf;
        final short[][] mentorViewOf;
        final UnmatchedReason[] noneEligible;
        final Exclusion[] frequent;

        Scoring(MatchRules.Prepared[] mentees, MatchRules.Prepared[] mentors, int[] capacity, Map<UUID, Set<UUID>> endedPairs,
                Settings settings) {
            this.mentees = mentees;
            this.mentors = mentors;
            this.capacity = capacity;
            this.endedPairs = endedPairs;
            this.minimumPoints = settings.minimumPoints();
            this.weights = MatchRules.weightArray(settings.weights());
            this.totalWeight = settings.weights().total();
            int n = mentees.length;
            mentorsOf = new int[n][];
            pointsOf = new int[n][];
            menteeViewOf = new int[n][];
            mentorViewOf = new short[n][];
            noneEligible = new UnmatchedReason[n];
            frequent = new Exclusion[n];
        }

        void run() {
            int blocks = (mentees.length + MENTEE_BLOCK - 1) / MENTEE_BLOCK;
            ThreadLocal<Block> block = ThreadLocal.withInitial(() -> new Block(mentors.length));
            IntStream.range(0, blocks).parallel().forEach(b -> block.get().score(this, b * MENTEE_BLOCK,
                    Math.min(mentees.length, (b + 1) * MENTEE_BLOCK)));
        }
    }

    /** One thread's working space: what it found so far for each mentee of the block it scores. */
    private static final class Block {
        private final int[][] mentors = new int[Scoring.MENTEE_BLOCK][];
        private final int[][] points = new int[Scoring.MENTEE_BLOCK][];
        private final int[][] menteeViews = new int[Scoring.MENTEE_BLOCK][];
        private final short[][] mentorViews = new short[Scoring.MENTEE_BLOCK][];
        private final int[] eligible = new int[Scoring.MENTEE_BLOCK];
        private final int[] allowed = new int[Scoring.MENTEE_BLOCK];
        private final int[][] excludedBy = new int[Scoring.MENTEE_BLOCK][Exclusion.values().length];
        @SuppressWarnings("unchecked")
        private final Set<UUID>[] ended = new Set[Scoring.MENTEE_BLOCK];

        Block(int mentorCount) {
            for (int slot = 0; slot < Scoring.MENTEE_BLOCK; slot++) {
                mentors[slot] = new int[mentorCount];
                points[slot] = new int[mentorCount];
                menteeViews[slot] = new int[mentorCount];
                mentorViews[slot] = new short[mentorCount];
            }
        }

        void score(Scoring run, int from, int to) {
            for (int i = from; i < to; i++) {
                int slot = i - from;
                eligible[slot] = 0;
                allowed[slot] = 0;
                Arrays.fill(excludedBy[slot], 0);
                ended[slot] = run.endedPairs.getOrDefault(run.mentees[i].profile().id(), Set.of());
            }
            for (int tile = 0; tile < run.mentors.length; tile += Scoring.MENTOR_TILE) {
                int tileEnd = Math.min(run.mentors.length, tile + Scoring.MENTOR_TILE);
                for (int i = from; i < to; i++) {
                    score(run, i, i - from, tile, tileEnd);
                }
            }
            for (int i = from; i < to; i++) {
                int slot = i - from;
                int found = eligible[slot];
                run.mentorsOf[i] = Arrays.copyOf(mentors[slot], found);
                run.pointsOf[i] = Arrays.copyOf(points[slot], found);
                run.menteeViewOf[i] = Arrays.copyOf(menteeViews[slot], found);
                run.mentorViewOf[i] = Arrays.copyOf(mentorViews[slot], found);
                if (found == 0) {
                    boolean none = allowed[slot] == 0;
                    run.noneEligible[i] = none ? UnmatchedReason.NO_ELIGIBLE_MENTOR : UnmatchedReason.BELOW_MINIMUM_SCORE;
                    run.frequent[i] = none ? mostFrequent(excludedBy[slot]) : null;
                }
            }
        }

        /** One mentee against the mentors of one tile. */
        private void score(Scoring run, int i, int slot, int tile, int tileEnd) {
            MatchRules.Prepared mentee = run.mentees[i];
            for (int j = tile; j < tileEnd; j++) {
                MatchRules.Prepared mentor = run.mentors[j];
                Exclusion excluded = MatchRules.exclusion(mentee, mentor, run.capacity[j], ended[slot]);
                if (excluded != null) {
                    excludedBy[slot][excluded.ordinal()]++;
                    continue;
                }
                allowed[slot]++;
                long both = MatchRules.pointsAndMenteeView(mentee, mentor, run.weights, run.totalWeight);
                int score = MatchRules.pointsOf(both);
                if (score >= run.minimumPoints && score > 0) {
                    int at = eligible[slot]++;
                    mentors[slot][at] = j;
                    points[slot][at] = score;
                    menteeViews[slot][at] = MatchRules.menteeViewOf(both);
                    mentorViews[slot][at] = (short) MatchRules.mentorView(mentor, mentee);
                }
            }
        }
    }

    private static Exclusion mostFrequent(int[] counts) {
        int best = -1;
        for (int e = 0; e < counts.length; e++) {
            if (counts[e] > 0 && (best < 0 || counts[e] > counts[best])) {
                best = e;
            }
        }
        return best < 0 ? null : Exclusion.values()[best];
    }
}
