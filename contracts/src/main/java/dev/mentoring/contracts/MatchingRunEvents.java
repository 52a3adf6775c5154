package dev.mentoring.contracts;

import java.util.UUID;

/** matching-service's cohort run events on {@link Topics#MATCHING_RUN}, keyed by the run id. */
public final class MatchingRunEvents {

    /** A cohort matching run was committed: its figures, never who was matched with whom. */
    public static final EventType<MatchingRunCompleted> COMPLETED = new EventType<>("matching-run.completed",
            Topics.MATCHING_RUN, 1, MatchingRunCompleted.class, MatchingRunCompleted::runId, run -> "matching-runs/" + run.runId());

    /** Payload of matching-run.completed. */
    public record MatchingRunCompleted(UUID runId, String objective, double minimumScore, int cohortMentees, int matched,
            double coveragePercent, double meanScore, double minScore, int blockingPairs, int requestsCreated, long tookMs, UUID programId) {
    }

    private MatchingRunEvents() {
    }
}
