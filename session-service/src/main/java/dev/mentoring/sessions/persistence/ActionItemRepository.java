package dev.mentoring.sessions.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Action items of partnerships, and the overdue ones claimed for their event. */
@ApplicationScoped
public class ActionItemRepository implements PanacheRepositoryBase<ActionItem, UUID> {

    /**
     * A page of the partnership's action items by due date (then creation, then id), after the given item's place: up
     * to {@code limit} + 1 rows, the last only telling that another page follows.
     */
    public Uni<List<ActionItem>> ofPartnership(UUID partnershipId, LocalDate afterDue, OffsetDateTime afterCreated, UUID afterId,
            int limit) {
        List<Object> params = new ArrayList<>(List.of(partnershipId));
        String query = "partnershipId = ?1";
        if (afterDue != null) {
            query += " and (dueDate > ?2 or (dueDate = ?2 and (createdAt > ?3 or (createdAt = ?3 and id > ?4))))";
            params.add(afterDue);
            params.add(afterCreated);
            params.add(afterId);
        }
        return find(query + " order by dueDate, createdAt, id", params.toArray()).range(0, limit).list();
    }

    /** An action item of the partnership, write-locked until the transaction ends (its version is the latest), or null. */
    public Uni<ActionItem> inPartnershipForChange(UUID itemId, UUID partnershipId) {
        return find("id = ?1 and partnershipId = ?2", itemId, partnershipId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /**
     * Claims the open items due before {@code now}'s date whose overdue event is not out yet (FOR UPDATE SKIP LOCKED, at
     * most 500) and marks them; answers them by due date.
     */
    public Uni<List<ActionItem>> claimOverdue(OffsetDateTime now) {
        return getSession().chain(session -> session.createNativeQuery("""
                update action_item set overdue_published_at = ?1
                where id in (select id from action_item
                             where state = 'OPEN' and overdue_published_at is null and due_date < ?2
                             order by due_date limit 500 for update skip locked)
                returning id""", UUID.class)
                .setParameter(1, now).setParameter(2, now.toLocalDate()).getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<ActionItem>of())
                        : list("id in ?1 order by dueDate, id", ids));
    }
}
