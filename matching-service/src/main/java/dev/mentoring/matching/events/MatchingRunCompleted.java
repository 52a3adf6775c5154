package dev.mentoring.matching.events;

import java.util.UUID;

/** Payload of {@code matching-run.completed} on mentoring.matching-run.v1, keyed by run id: a run was committed. */
public record MatchingRunCompleted(UUID runId, String objective, double minimumScore, int cohortMentees, int matched,
        double coveragePercent, double meanScore, double minScore, int blockingPairs, int requestsCreated, long tookMs) {

    public static final String TYPE = "matching-run.completed";
    public static final int SCHEMA_VERSION = 1;
}
