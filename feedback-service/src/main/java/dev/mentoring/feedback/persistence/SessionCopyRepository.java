package dev.mentoring.feedback.persistence;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The copies of sessions, from session-service's events. */
@ApplicationScoped
public class SessionCopyRepository implements PanacheRepositoryBase<SessionCopy, UUID> {

    /** The tenant's session, or null. */
    public Uni<SessionCopy> inTenant(String tenant, UUID id) {
        return find("tenant = ?1 and id = ?2", tenant, id).firstResult();
    }
}
