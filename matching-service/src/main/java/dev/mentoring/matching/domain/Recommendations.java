package dev.mentoring.matching.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The best mentors for one mentee, each with its explained match score, and the excluded ones with the rule. */
public final class Recommendations {

    public record Recommended(MatchingProfile mentor, MatchScore score) {
    }

    public record Excluded(MatchingProfile mentor, Exclusion rule) {
    }

    public record Result(List<Recommended> recommended, List<Excluded> excluded) {
    }

    private Recommendations() {
    }

    public static Result forMentee(MatchingProfile mentee, List<MatchingProfile> mentors, Map<UUID, Integer> remainingCapacity,
            Set<UUID> endedWith, Weights weights, Instant at, int limit) {
        MatchRules.Prepared preparedMentee = MatchRules.prepare(mentee, at);
        int[] weightArray = MatchRules.weightArray(weights);
        List<MatchRules.Prepared> eligible = new ArrayList<>();
        List<Integer> points = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        for (MatchingProfile mentor : mentors) {
            MatchRules.Prepared preparedMentor = MatchRules.prepare(mentor, at);
            Exclusion rule = MatchRules.exclusion(preparedMentee, preparedMentor,
                    remainingCapacity.getOrDefault(mentor.id(), 0), endedWith);
            if (rule != null) {
                excluded.add(new Excluded(mentor, rule));
            } else {
                eligible.add(preparedMentor);
                points.add(MatchRules.points(preparedMentee, preparedMentor, weightArray, weights.total()));
            }
        }
        // explain only the best: the full explanation of every candidate is not needed
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < eligible.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> points.get(i)).reversed()
                .thenComparing(i -> eligible.get(i).profile().id()));
        List<Recommended> recommended = new ArrayList<>();
        for (int k = 0; k < Math.min(limit, order.size()); k++) {
            MatchRules.Prepared best = eligible.get(order.get(k));
            recommended.add(new Recommended(best.profile(), MatchRules.score(preparedMentee, best, weights)));
        }
        return new Result(List.copyOf(recommended), List.copyOf(excluded));
    }
}
