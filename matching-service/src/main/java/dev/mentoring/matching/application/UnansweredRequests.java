package dev.mentoring.matching.application;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.contracts.PartnershipEvents;
import dev.mentoring.matching.events.PartnershipPublisher;
import dev.mentoring.matching.persistence.MentorshipRequestRepository;
import dev.mentoring.plumbing.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Expires unanswered requests. Safe on several instances at once: each pass claims the expired rows with
 * {@code FOR UPDATE SKIP LOCKED} and moves them in one statement, so a request expires, and is published
 * as mentorship.expired, exactly once.
 */
@ApplicationScoped
public class UnansweredRequests {

    static final int BATCH = 500;

    private final MentorshipRequestRepository requests;
    private final Outbox outbox;
    private final Clock clock;

    UnansweredRequests(MentorshipRequestRepository requests, Outbox outbox, Clock clock) {
        this.requests = requests;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(identity = "request-expiry", every = "${mentoring.matching.expiry-interval:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return expireDue().replaceWithVoid();
    }

    /** One pass; answers how many requests expired. */
    @WithTransaction
    public Uni<Integer> expireDue() {
        return requests.expireDue(OffsetDateTime.now(clock), BATCH)
                .chain(expired -> outbox.appendAll(expired.stream()
                        .map(request -> PartnershipPublisher.answered(request, PartnershipEvents.EXPIRED)).toList())
                        .replaceWith(expired.size()));
    }
}
