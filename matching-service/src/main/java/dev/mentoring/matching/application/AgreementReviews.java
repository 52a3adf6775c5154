package dev.mentoring.matching.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.matching.events.AgreementPublisher;
import dev.mentoring.plumbing.outbox.DomainEvent;
import dev.mentoring.plumbing.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
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

    private final Outbox outbox;

    AgreementReviews(Outbox outbox) {
        this.outbox = outbox;
    }

    @Scheduled(identity = "agreement-review-due", every = "${mentoring.matching.review-interval:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return publishDue().replaceWithVoid();
    }

    /** One pass; answers how many reviews became due. */
    @WithTransaction
    public Uni<Integer> publishDue() {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                update agreement a set review_due_published_for = a.in_force_version
                from agreement_version v
                where v.partnership_id = a.partnership_id and v.number = a.in_force_version
                  and a.partnership_id in (
                      select g.partnership_id from agreement g join agreement_version gv
                        on gv.partnership_id = g.partnership_id and gv.number = g.in_force_version
                      where gv.review_date <= current_date
                        and g.review_due_published_for is distinct from g.in_force_version
                      limit 500 for update of g skip locked)
                returning a.partnership_id, a.tenant, a.in_force_version, cast(v.review_date as text)""", Object[].class)
                .getResultList())
                .chain(rows -> {
                    List<DomainEvent> events = new ArrayList<>();
                    for (Object[] row : rows) {
                        UUID partnershipId = (UUID) row[0];
                        events.add(AgreementPublisher.reviewDue((String) row[1], partnershipId, ((Number) row[2]).intValue(),
                                LocalDate.parse((String) row[3])));
                    }
                    return outbox.appendAll(events).replaceWith(rows.size());
                });
    }
}
