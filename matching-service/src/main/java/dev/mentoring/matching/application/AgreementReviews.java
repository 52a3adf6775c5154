package dev.mentoring.matching.application;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.matching.events.AgreementPublisher;
import dev.mentoring.matching.persistence.AgreementRepository;
import dev.mentoring.plumbing.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Publishes {@code agreement.review-due} once for each agreement in force whose review date has come.
 * Safe on several instances: rows are claimed with {@code FOR UPDATE SKIP LOCKED} and marked in the same
 * statement, in the same transaction as the events.
 */
@ApplicationScoped
public class AgreementReviews {

    static final int BATCH = 500;

    private final AgreementRepository agreements;
    private final Outbox outbox;
    private final Clock clock;

    AgreementReviews(AgreementRepository agreements, Outbox outbox, Clock clock) {
        this.agreements = agreements;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(identity = "agreement-review-due", every = "${mentoring.matching.review-interval:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return publishDue().replaceWithVoid();
    }

    /** One pass; answers how many reviews became due. */
    @WithTransaction
    public Uni<Integer> publishDue() {
        return agreements.claimDueReviews(LocalDate.now(clock), BATCH)
                .chain(due -> outbox.appendAll(due.stream()
                        .map(review -> AgreementPublisher.reviewDue(review.tenant(), review.partnershipId(), review.version(),
                                review.reviewDate()))
                        .toList())
                        .replaceWith(due.size()));
    }
}
