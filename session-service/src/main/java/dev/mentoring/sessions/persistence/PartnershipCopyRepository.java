package dev.mentoring.sessions.persistence;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Partnership copies: looked up within the caller's tenant; by id alone only where the copy is kept up. */
@ApplicationScoped
public class PartnershipCopyRepository implements PanacheRepositoryBase<PartnershipCopy, UUID> {

    /** The tenant's partnership, or null. */
    public Uni<PartnershipCopy> inTenant(String tenant, UUID id) {
        return find("tenant = ?1 and id = ?2", tenant, id).firstResult();
    }

    /**
     * The tenant's partnership, share-locked until the transaction ends (or null): a pause or end handled at the
     * same moment waits for the scheduling that holds the lock, or comes first.
     */
    public Uni<PartnershipCopy> lockedForScheduling(String tenant, UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_READ).map(p -> p != null && p.tenant.equals(tenant) ? p : null);
    }
}
