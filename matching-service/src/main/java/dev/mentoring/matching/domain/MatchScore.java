package dev.mentoring.matching.domain;

import java.util.List;

/**
 * A match score, 0-100 with one decimal (kept as tenths in {@link #points()}), and its explanation:
 * each criterion's weight, how well the pair meets it (0-1) and the points it contributed.
 */
public record MatchScore(int points, List<Contribution> contributions) {

    public record Contribution(Criterion criterion, int weight, double fit, double points) {
    }

    public double score() {
        return points / 10.0;
    }
}
