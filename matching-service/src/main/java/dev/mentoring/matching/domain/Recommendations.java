package dev.mentoring.matching.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        List<Recommended> recommended = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        for (MatchingProfile mentor : mentors) {
            Optional<Exclusion> rule = MatchRules.exclusion(mentee, mentor, remainingCapacity.getOrDefault(mentor.id(), 0),
                    endedWith, at);
            if (rule.isPresent()) {
                excluded.add(new Excluded(mentor, rule.get()));
            } else {
                recommended.add(new Recommended(mentor, MatchRules.score(mentee, mentor, weights, at)));
            }
        }
        recommended.sort(Comparator.comparingInt((Recommended r) -> r.score().points()).reversed()
                .thenComparing(r -> r.mentor().id()));
        return new Result(List.copyOf(recommended.subList(0, Math.min(limit, recommended.size()))), List.copyOf(excluded));
    }
}
