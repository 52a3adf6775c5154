package dev.mentoring.sessions.persistence;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Participant copies: a caller is looked up within their tenant; by id alone only where the copy is kept up. */
@ApplicationScoped
public class ParticipantCopyRepository implements PanacheRepositoryBase<ParticipantCopy, UUID> {

    public Uni<ParticipantCopy> findByEmployeeId(String tenant, String employeeId) {
        // after an erasure and a new profile, the newest copy is the person's
        return find("tenant = ?1 and employeeId = ?2 order by updatedAt desc", tenant, employeeId).firstResult();
    }
}
