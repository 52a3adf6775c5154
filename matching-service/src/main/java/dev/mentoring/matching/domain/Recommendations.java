package dev.mentoring.matching.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToIntFunction;

/** The best mentors for one mentee, each with its explained match score, and the excluded ones with the rule. */
public final class Recommendations {

    public record Recommended(MatchingProfile mentor, MatchScore score) {
    }

    public record Excluded(MatchingProfile mentor, Exclusion rule) {
    }

    public record Result(List<Recommended> recommended, List<Excluded> excluded) {
    }

    private record Candidate(MatchRules.Prepared mentor, int points) {
    }

    private Recommendations() {
    }

    public static Result forMentee(MatchingProfile mentee, List<MatchingProfile> mentors, Map<UUID, Integer> remainingCapacity,
            Set<UUID> endedWith, Weights weights, Instant at, int limit) {
        return forPrepared(MatchRules.prepare(mentee, at), mentors.stream().map(mentor -> MatchRules.prepare(mentor, at)).toList(),
                mentor -> remainingCapacity.getOrDefault(mentor.id(), 0), endedWith, weights, limit, true);
    }

    /**
     * The same, for mentors prepared before (kept between recommendations) and the mentee prepared at the same time;
     * {@code remainingCapacity} tells each mentor's places left. The excluded are listed only when {@code listExcluded}
     * (most callers do not show them, and among 10,000 mentors they were half of what a recommendation allocated).
     */
    public static Result forPrepared(MatchRules.Prepared preparedMentee, List<MatchRules.Prepared> mentors,
            ToIntFunction<MatchingProfile> remainingCapacity, Set<UUID> endedWith, Weights weights, int limit, boolean listExcluded) {
        int[] weightArray = MatchRules.weightArray(weights);
        int totalWeight = weights.total();
        int keep = Math.max(0, limit);
        // the best `limit` eligible mentors (most points, then the smallest id), the worst of them at the head
        Comparator<Candidate> worstFirst = Comparator.comparingInt(Candidate::points)
                .thenComparing(Comparator.comparing((Candidate c) -> c.mentor().profile().id()).reversed());
        PriorityQueue<Candidate> best = new PriorityQueue<>(keep + 1, worstFirst);
        List<Excluded> excluded = listExcluded ? new ArrayList<>() : List.of();
        for (MatchRules.Prepared preparedMentor : mentors) {
            MatchingProfile mentor = preparedMentor.profile();
            Exclusion rule = MatchRules.exclusion(preparedMentee, preparedMentor,
                    remainingCapacity.applyAsInt(mentor), endedWith);
            if (rule != null) {
                if (listExcluded) {
                    excluded.add(new Excluded(mentor, rule));
                }
                continue;
            }
            int points = MatchRules.points(preparedMentee, preparedMentor, weightArray, totalWeight);
            if (keep == 0) {
                continue;
            }
            if (best.size() < keep) {
                best.add(new Candidate(preparedMentor, points));
            } else {
                Candidate worst = best.peek();
                if (points > worst.points() || points == worst.points() && mentor.id().compareTo(worst.mentor().profile().id()) < 0) {
                    best.poll();
                    best.add(new Candidate(preparedMentor, points));
                }
            }
        }
        // explain only the best: the full explanation of every candidate is not needed
        List<Candidate> order = new ArrayList<>(best);
        order.sort(worstFirst.reversed());
        List<Recommended> recommended = new ArrayList<>(order.size());
        for (Candidate candidate : order) {
            recommended.add(new Recommended(candidate.mentor().profile(), MatchRules.score(preparedMentee, candidate.mentor(), weights)));
        }
        return new Result(List.copyOf(recommended), List.copyOf(excluded));
    }
}
