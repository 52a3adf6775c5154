package dev.mentoring.matching.application;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.matching.domain.RequestState;
import dev.mentoring.contracts.PartnershipEvents;
import dev.mentoring.matching.events.PartnershipPublisher;
import dev.mentoring.matching.persistence.MentorshipRequest;
import dev.mentoring.plumbing.outbox.DomainEvent;
import dev.mentoring.plumbing.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Expires unanswered requests. Safe on several instances at once: each pass claims the expired rows with
 * {@code FOR UPDATE SKIP LOCKED} and moves them in one statement, so a request expires, and is published
 * as mentorship.expired, exactly once.
 */
@ApplicationScoped
public class RequestExpiry {

    static final int BATCH = 500;

    private final Outbox outbox;

    RequestExpiry(Outbox outbox) {
        this.outbox = outbox;
    }

    @Scheduled(identity = "request-expiry", every = "${mentoring.matching.expiry-interval:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return expireDue().replaceWithVoid();
    }

    /** One pass; answers how many requests expired. */
    @WithTransaction
    public Uni<Integer> expireDue() {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                update mentorship_request set state = 'EXPIRED', decided_at = now(), version = version + 1
                where id in (select id from mentorship_request where state = 'OPEN' and expires_at < now()
                             order by expires_at limit ?1 for update skip locked)
                returning id, tenant, mentee_id, mentor_id, origin, matching_run_id""", Object[].class)
                .setParameter(1, BATCH)
                .getResultList())
                .chain(rows -> {
                    OffsetDateTime now = MyProfiles.now();
                    List<DomainEvent> events = new ArrayList<>(rows.size());
                    for (Object[] row : rows) {
                        MentorshipRequest expired = new MentorshipRequest();
                        expired.id = (UUID) row[0];
                        expired.tenant = (String) row[1];
                        expired.menteeId = (UUID) row[2];
                        expired.mentorId = (UUID) row[3];
                        expired.origin = (String) row[4];
                        expired.matchingRunId = (UUID) row[5];
                        expired.decidedAt = now;
                        expired.state = RequestState.EXPIRED;
                        events.add(PartnershipPublisher.answered(expired, PartnershipEvents.EXPIRED));
                    }
                    return outbox.appendAll(events).replaceWith(rows.size());
                });
    }
}
