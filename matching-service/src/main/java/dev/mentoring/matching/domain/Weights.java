package dev.mentoring.matching.domain;

import dev.mentoring.plumbing.rules.RuleViolation;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The weight of each criterion in the match score, 0-100 each; a tenant's program admin may change them.
 * The score is the weighted mean of the criteria, 0-100. Weights out of range are a {@link RuleViolation} of {@code weights}.
 */
public record Weights(Map<Criterion, Integer> byCriterion) {

    public static final Weights DEFAULT = new Weights(Map.of(
            Criterion.SKILLS, 30,
            Criterion.GOALS_EXPERTISE, 20,
            Criterion.INDUSTRY, 10,
            Criterion.EXPERIENCE_GAP, 10,
            Criterion.STYLES, 10,
            Criterion.LANGUAGE, 10,
            Criterion.TIME_ZONE, 10));

    public Weights {
        EnumMap<Criterion, Integer> complete = new EnumMap<>(Criterion.class);
        for (Criterion criterion : Criterion.values()) {
            Integer given = byCriterion.containsKey(criterion) ? byCriterion.get(criterion) : Integer.valueOf(0);
            if (given == null) {
                throw new RuleViolation("weights", criterion + " weight must be 0-100, not null");
            }
            int weight = given;
            if (weight < 0 || weight > 100) {
                throw new RuleViolation("weights", criterion + " weight must be 0-100");
            }
            complete.put(criterion, weight);
        }
        if (complete.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            throw new RuleViolation("weights", "at least one weight must be above 0");
        }
        // in the criteria's order, on every instance (Map.copyOf's order changes from one JVM to the next)
        byCriterion = Collections.unmodifiableMap(complete);
    }

    public int of(Criterion criterion) {
        return byCriterion.get(criterion);
    }

    public int total() {
        return byCriterion.values().stream().mapToInt(Integer::intValue).sum();
    }
}
