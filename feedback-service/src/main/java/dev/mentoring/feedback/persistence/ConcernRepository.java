package dev.mentoring.feedback.persistence;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The concerns raised about partnerships. */
@ApplicationScoped
public class ConcernRepository implements PanacheRepositoryBase<Concern, UUID> {

    /** The open concern of this person of this category about the partnership, or null. */
    public Uni<Concern> open(UUID partnershipId, UUID raisedBy, String category) {
        return find("partnershipId = ?1 and raisedBy = ?2 and category = ?3 and closedAt is null", partnershipId, raisedBy, category)
                .firstResult();
    }

    /** The categories of the partnership's open concerns. */
    public Uni<List<String>> openCategories(UUID partnershipId) {
        return find("select distinct category from Concern where partnershipId = ?1 and closedAt is null", partnershipId)
                .project(String.class).list();
    }

    /** The tenant's concern, or null. */
    public Uni<Concern> inTenant(String tenant, UUID id) {
        return find("id = ?1 and tenant = ?2", id, tenant).firstResult();
    }

    /** The partnership of the tenant's concern, read without loading the concern; null when the tenant has none of this id. */
    public Uni<UUID> partnershipOf(String tenant, UUID id) {
        return find("select partnershipId from Concern where id = ?1 and tenant = ?2", id, tenant).project(UUID.class).firstResult();
    }

    /** The concern, row-locked until the transaction ends, if it is the tenant's; else null. */
    public Uni<Concern> lockedInTenant(String tenant, UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE).map(c -> c != null && c.tenant.equals(tenant) ? c : null);
    }

    /**
     * A page of concerns, newest first (by the time raised, then id), after the given one's place (from the start when
     * null): of the tenant, narrowed to a partnership, a person who raised them, a state (closed or not) and a category
     * where those are given, and without those about partnerships {@code notAbout} is one of the two of (when given);
     * only about partnerships of the programs {@code inPrograms} when given;
     * up to {@code limit} rows.
     */
    public Uni<List<Concern>> page(String tenant, UUID partnershipId, UUID raisedBy, UUID notAbout, List<UUID> inPrograms, Boolean closed,
            String category, OffsetDateTime beforeRaised, UUID beforeId, int limit) {
        List<Object> params = new ArrayList<>(List.of(tenant));
        StringBuilder query = new StringBuilder("tenant = ?1");
        if (partnershipId != null) {
            params.add(partnershipId);
            query.append(" and partnershipId = ?").append(params.size());
        }
        if (raisedBy != null) {
            params.add(raisedBy);
            query.append(" and raisedBy = ?").append(params.size());
        }
        if (notAbout != null) {
            params.add(notAbout);
            query.append(" and partnershipId not in (select p.id from PartnershipCopy p where p.tenant = ?1 and (p.menteeId = ?")
                    .append(params.size()).append(" or p.mentorId = ?").append(params.size()).append("))");
        }
        if (inPrograms != null) {
            if (inPrograms.isEmpty()) {
                return Uni.createFrom().item(List.of());
            }
            params.add(inPrograms);
            query.append(" and partnershipId in (select p.id from PartnershipCopy p where p.tenant = ?1 and p.programId in ?")
                    .append(params.size()).append(")");
        }
        if (closed != null) {
            query.append(closed ? " and closedAt is not null" : " and closedAt is null");
        }
        if (category != null) {
            params.add(category);
            query.append(" and category = ?").append(params.size());
        }
        if (beforeRaised != null) {
            params.add(beforeRaised);
            params.add(beforeId);
            int at = params.size() - 1;
            query.append(" and (raisedAt < ?").append(at).append(" or (raisedAt = ?").append(at).append(" and id < ?").append(at + 1)
                    .append("))");
        }
        return find(query + " order by raisedAt desc, id desc", params.toArray()).range(0, limit).list();
    }

    /** Erasure: the texts of the author's concerns go; the concerns stay (without words) for the admins' record. */
    public Uni<Integer> eraseTextsOf(String tenant, UUID authorId) {
        return update("text = null where raisedBy = ?1 and tenant = ?2 and text is not null", authorId, tenant);
    }
}
