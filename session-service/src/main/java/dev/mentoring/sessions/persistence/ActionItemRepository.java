package dev.mentoring.sessions.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Action items of partnerships, and the overdue ones claimed for their event. */
@ApplicationScoped
public class ActionItemRepository implements PanacheRepositoryBase<ActionItem, UUID> {

    /** The partnership's action items by due date. */
    public Uni<List<ActionItem>> ofPartnership(UUID partnershipId) {
        return list("partnershipId = ?1 order by dueDate, createdAt", partnershipId);
    }

    /** An action item of the partnership, or null. */
    public Uni<ActionItem> inPartnership(UUID itemId, UUID partnershipId) {
        return find("id = ?1 and partnershipId = ?2", itemId, partnershipId).firstResult();
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
