package dev.mentoring.matching.api;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.mentoring.matching.application.CohortRuns;
import dev.mentoring.matching.persistence.MatchingRun;
import dev.mentoring.matching.persistence.MatchingRunRepository;

/** A cohort run: its figures, the proposed pairs, the unmatched mentees and why, and its blocking pairs. */
public record MatchingRunView(UUID id, String objective, double minimumScore, MatchingRun.Status status, Figures figures,
        List<MatchingRunRepository.StoredAssignment> assignments, List<MatchingRunRepository.StoredUnmatched> unmatched,
        List<BlockingPair> blockingPairExamples, Integer requestsCreated, OffsetDateTime createdAt,
        OffsetDateTime committedAt, UUID programId) {

    public record Figures(int cohortMentees, int candidatePairs, int menteesMatched, double coveragePercent,
            double meanScore, double minimumScore, int blockingPairs, long tookMs) {
    }

    public record BlockingPair(UUID menteeId, UUID mentorId) {
    }

    public static MatchingRunView of(CohortRuns.Outcome outcome) {
        return of(outcome.run(), outcome.assignments(), outcome.unmatched(), outcome.requestsCreated());
    }

    public static MatchingRunView of(MatchingRun run, List<MatchingRunRepository.StoredAssignment> assignments,
            List<MatchingRunRepository.StoredUnmatched> unmatched, Integer requestsCreated) {
        List<BlockingPair> examples = Arrays.stream(run.blockingExamples).map(pair -> pair.split(":"))
                .map(parts -> new BlockingPair(UUID.fromString(parts[0]), UUID.fromString(parts[1]))).toList();
        return new MatchingRunView(run.id, run.objective, run.minimumScore.doubleValue(), run.status,
                new Figures(run.cohortMentees, run.candidatePairs, run.matched, run.coveragePercent.doubleValue(),
                        run.meanScore.doubleValue(), run.minScore.doubleValue(), run.blockingPairs, run.tookMs),
                assignments, unmatched, examples, requestsCreated, run.createdAt, run.committedAt, run.programId);
    }
}
