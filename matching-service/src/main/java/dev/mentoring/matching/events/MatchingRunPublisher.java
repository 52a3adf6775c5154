package dev.mentoring.matching.events;

import dev.mentoring.contracts.MatchingRunEvents;
import dev.mentoring.matching.persistence.MatchingRun;
import dev.mentoring.plumbing.outbox.DomainEvent;

/** What matching-service publishes about a committed cohort run: its figures, never who was matched with whom. */
public final class MatchingRunPublisher {

    private MatchingRunPublisher() {
    }

    public static DomainEvent completed(MatchingRun run, int requestsCreated) {
        return DomainEvent.of(run.tenant, MatchingRunEvents.COMPLETED, new MatchingRunEvents.MatchingRunCompleted(run.id, run.objective,
                run.minimumScore.doubleValue(), run.cohortMentees, run.matched, run.coveragePercent.doubleValue(),
                run.meanScore.doubleValue(), run.minScore.doubleValue(), run.blockingPairs, requestsCreated, run.tookMs, run.programId));
    }
}
