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
 * Matches a whole cohort at once. Candidate pairs are the pairs no hard rule excludes whose match score
 * reaches the minimum, limited to each mentee's best {@code candidatesPerMentee} mentors (so a run of
 * 10,000 x 2,000 stays in seconds). Over those pairs:
 * <ul>
 * <li>{@link Objective#MAX_SCORE}: the assignment with the highest total match score, solved exactly
 * (min-cost flow, {@link MaxWeightAssignment});</li>
 * <li>{@link Objective#STABLE}: mentee-proposing deferred acceptance, each side ranking the other by its
 * own view ({@link MatchRules#menteeView}, {@link MatchRules#mentorView}).</li>
 * </ul>
 * The proposal comes with its figures, the unmatched mentees and why, and its blocking pairs.
 */
public final class CohortMatcher {

    public enum Objective {
        MAX_SCORE, STABLE
    }

    /**
     * What a run needs besides the people. {@code minimumPoints} is the minimum score in tenths (400 = 40.0);
     * {@code candidatesPerMentee} bounds each mentee's candidate pairs to its best mentors.
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
        /** Candidates existed, but their places went to others in the best assignment. */
        CAPACITY_TAKEN
    }

    public record Assignment(UUID menteeId, UUID mentorId, double score) {
    }

    public record Unmatched(UUID menteeId, UnmatchedReason reason, Exclusion mostFrequentExclusion) {
    }

    public record BlockingPair(UUID menteeId, UUID mentorId) {
    }

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
        int[][] mentorsOf = new int[n][];
        int[][] pointsOf = new int[n][];
        UnmatchedReason[] noCandidate = new UnmatchedReason[n];
        Exclusion[] frequent = new Exclusion[n];
        int limit = Math.max(1, settings.candidatesPerMentee());
        MatchRules.Prepared[] preparedMentees = prepare(mentees, settings.at());
        MatchRules.Prepared[] preparedMentors = prepare(mentors, settings.at());
        int[] weights = MatchRules.weightArray(settings.weights());
        int totalWeight = settings.weights().total();
        IntStream.range(0, n).parallel().forEach(i -> {
            MatchRules.Prepared mentee = preparedMentees[i];
            Set<UUID> ended = endedPairs.getOrDefault(mentee.profile().id(), Set.of());
            TopCandidates top = new TopCandidates(limit);
            int[] excludedBy = new int[Exclusion.values().length];
            int eligible = 0;
            for (int j = 0; j < m; j++) {
                MatchRules.Prepared mentor = preparedMentors[j];
                Exclusion excluded = MatchRules.exclusion(mentee, mentor, capacity[j], ended);
                if (excluded != null) {
                    excludedBy[excluded.ordinal()]++;
                    continue;
                }
                eligible++;
                int points = MatchRules.points(mentee, mentor, weights, totalWeight);
                if (points >= settings.minimumPoints() && points > 0) {
                    top.offer(j, points);
                }
            }
            mentorsOf[i] = top.mentors();
            pointsOf[i] = top.points();
            if (mentorsOf[i].length == 0) {
                noCandidate[i] = eligible == 0 ? UnmatchedReason.NO_ELIGIBLE_MENTOR : UnmatchedReason.BELOW_MINIMUM_SCORE;
                frequent[i] = eligible == 0 ? mostFrequent(excludedBy) : null;
            }
        });
        BipartiteCandidates candidates = new BipartiteCandidates(n, capacity, mentorsOf, pointsOf);
        Preferences preferences = preferences(preparedMentees, preparedMentors, candidates);
        int[] mentorOf = settings.objective() == Objective.MAX_SCORE
                ? MaxWeightAssignment.solve(candidates)
                : DeferredAcceptance.solve(candidates, preferences);
        BlockingPairs.Found blocking = BlockingPairs.find(candidates, preferences, mentorOf, 20);

        List<Assignment> assignments = new ArrayList<>();
        List<Unmatched> unmatched = new ArrayList<>();
        long totalPoints = 0;
        int minPoints = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            if (mentorOf[i] >= 0) {
                int points = candidates.weight(i, mentorOf[i]);
                totalPoints += points;
                minPoints = Math.min(minPoints, points);
                assignments.add(new Assignment(mentees.get(i).id(), mentors.get(mentorOf[i]).id(), points / 10.0));
            } else if (noCandidate[i] != null) {
                unmatched.add(new Unmatched(mentees.get(i).id(), noCandidate[i], frequent[i]));
            } else {
                unmatched.add(new Unmatched(mentees.get(i).id(), UnmatchedReason.CAPACITY_TAKEN, null));
            }
        }
        List<BlockingPair> pairs = blocking.examples().stream()
                .map(p -> new BlockingPair(mentees.get(p.mentee()).id(), mentors.get(p.mentor()).id())).toList();
        int matched = assignments.size();
        return new Proposal(settings.objective(), assignments, unmatched, n, candidates.edgeCount(),
                n == 0 ? 0 : Math.round(10_000.0 * matched / n) / 100.0,
                matched == 0 ? 0 : Math.round(10.0 * totalPoints / matched) / 100.0,
                matched == 0 ? 0 : minPoints / 10.0,
                blocking.count(), pairs, Duration.ofNanos(System.nanoTime() - started));
    }

    private static MatchRules.Prepared[] prepare(List<MatchingProfile> profiles, Instant at) {
        MatchRules.Prepared[] prepared = new MatchRules.Prepared[profiles.size()];
        IntStream.range(0, prepared.length).parallel().forEach(i -> prepared[i] = MatchRules.prepare(profiles.get(i), at));
        return prepared;
    }

    private static Preferences preferences(MatchRules.Prepared[] mentees, MatchRules.Prepared[] mentors,
            BipartiteCandidates candidates) {
        int n = candidates.mentees();
        int[][] menteeView = new int[n][];
        int[][] mentorView = new int[n][];
        IntStream.range(0, n).parallel().forEach(i -> {
            int[] list = candidates.mentorsOf(i);
            menteeView[i] = new int[list.length];
            mentorView[i] = new int[list.length];
            for (int k = 0; k < list.length; k++) {
                menteeView[i][k] = MatchRules.menteeView(mentees[i], mentors[list[k]]);
                mentorView[i][k] = MatchRules.mentorView(mentors[list[k]], mentees[i]);
            }
        });
        return new Preferences(menteeView, mentorView);
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

    /** The best {@code limit} mentors of one mentee, kept in a small sorted array. */
    private static final class TopCandidates {
        private final int[] mentors;
        private final int[] points;
        private int size;

        TopCandidates(int limit) {
            mentors = new int[limit];
            points = new int[limit];
        }

        void offer(int mentor, int score) {
            if (size == mentors.length && score <= points[size - 1]) {
                return;
            }
            int at = size == mentors.length ? size - 1 : size++;
            while (at > 0 && points[at - 1] < score) {
                mentors[at] = mentors[at - 1];
                points[at] = points[at - 1];
                at--;
            }
            mentors[at] = mentor;
            points[at] = score;
        }

        int[] mentors() {
            return Arrays.copyOf(mentors, size);
        }

        int[] points() {
            return Arrays.copyOf(points, size);
        }
    }
}
