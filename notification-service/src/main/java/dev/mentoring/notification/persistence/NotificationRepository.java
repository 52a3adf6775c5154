package dev.mentoring.notification.persistence;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import dev.mentoring.notification.domain.Notice;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The notifications as the event consumers write them, inside the consumer's transaction (the inbox of handled events
 * is in the same one). The insert trigger notifies {@code notification_added} with the person's id, which PostgreSQL
 * delivers to every listening instance when the transaction commits.
 */
@ApplicationScoped
public class NotificationRepository {

    /**
     * Adds the notice for its person, at the next place of their inbox, unless they muted its kind or this event already
     * told them (one notification per event and person); answers whether it was added. The person's counter stays locked
     * until the transaction ends: add a transaction's notices in one order of people (by id), so that two transactions
     * never wait for each other.
     */
    public Uni<Boolean> add(String tenant, UUID eventId, Notice notice) {
        Notice.Refs refs = notice.refs();
        return session().chain(session -> session.createNativeQuery("""
                with counter as (
                    insert into inbox_counter (participant_id, tenant, last)
                    select cast(?3 as uuid), cast(?2 as varchar), 1
                    where not exists (select 1 from participant_copy c where c.id = cast(?3 as uuid) and c.employee_id = 'erased')
                    on conflict (participant_id) do update set last = inbox_counter.last + 1
                    where inbox_counter.tenant = excluded.tenant
                    returning last)
                insert into notification (id, tenant, recipient_id, position, kind, event_id, occurred_at, partnership_id, request_id,
                                          session_id, evaluation_id, goal_id, action_item_id, starts_at, previous_starts_at, detail)
                select cast(?1 as uuid), cast(?2 as varchar), cast(?3 as uuid), counter.last, cast(?4 as varchar), cast(?5 as uuid),
                       cast(?6 as timestamptz), cast(?7 as uuid), cast(?8 as uuid), cast(?9 as uuid), cast(?10 as uuid), cast(?11 as uuid),
                       cast(?12 as uuid), cast(?13 as timestamptz), cast(?14 as timestamptz), cast(?15 as varchar)
                from counter
                where not exists (select 1 from inbox_preference p
                                  where p.participant_id = cast(?3 as uuid) and position(',' || cast(?4 as varchar) || ',' in ',' || p.muted || ',') > 0)
                on conflict (event_id, recipient_id) do nothing""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, tenant).setParameter(3, notice.recipientId())
                .setParameter(4, notice.kind().name()).setParameter(5, eventId).setParameter(6, notice.occurredAt())
                .setParameter(7, refs.partnershipId()).setParameter(8, refs.requestId()).setParameter(9, refs.sessionId())
                .setParameter(10, refs.evaluationId()).setParameter(11, refs.goalId()).setParameter(12, refs.actionItemId())
                .setParameter(13, refs.startsAt()).setParameter(14, refs.previousStartsAt()).setParameter(15, detail(refs.detail()))
                .executeUpdate()).map(added -> added > 0);
    }

    /**
     * The right to be forgotten: the person's notifications, counter and inbox preferences go. The counter goes first: its
     * row lock waits for a notification of the person being added now, so the notifications' delete sees that one too
     * (and the person's copy, marked erased in the same transaction, stops any later one).
     */
    public Uni<Void> eraseOf(String tenant, UUID participantId) {
        return session().chain(session -> session.createNativeQuery("delete from inbox_counter where tenant = ?1 and participant_id = ?2")
                .setParameter(1, tenant).setParameter(2, participantId).executeUpdate()
                .chain(() -> session.createNativeQuery("delete from notification where tenant = ?1 and recipient_id = ?2")
                        .setParameter(1, tenant).setParameter(2, participantId).executeUpdate())
                .chain(() -> session.createNativeQuery("delete from inbox_preference where tenant = ?1 and participant_id = ?2")
                        .setParameter(1, tenant).setParameter(2, participantId).executeUpdate()))
                .replaceWithVoid();
    }

    /** A code of the event for the text (a reason category, a lead time, a version, a date), at most the column's 40 characters. */
    static String detail(String value) {
        return value == null || value.length() <= 40 ? value : value.substring(0, 40);
    }

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }
}
